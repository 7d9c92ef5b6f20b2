//! The question coach's word lists: lowercase, apostrophes straightened;
//! `|` separates phrases.

pub(super) const WH: &str = "what who whom whose where when why how which";
pub(super) const AUX_ALWAYS: &str = "is are was were am does did has had isn't aren't wasn't weren't \
    doesn't didn't hasn't hadn't ain't";
pub(super) const AUX_SUBJ: &str = "do don't have haven't can can't could couldn't will won't would \
    wouldn't should shouldn't shall may might must mustn't";
pub(super) const MODALS: &str = "can can't could couldn't will won't would wouldn't shall should \
    shouldn't may might";
pub(super) const SUBJECTS: &str = "you we they i it he she there that this these those your our their \
    his her its my the anyone anybody someone somebody everyone everybody anything \
    something any all both people y'all ya";
pub(super) const PRONOUNS: &str = "you we they i it he she there that this your our their";
pub(super) const LEAD_INS: &str = "so and but also ok okay well now then alright hey hi hello first \
    firstly finally lastly next just um uh oh please honestly personally quick question q qq";
/// Names for the person spoken to, before a question: "Mum, how…".
pub(super) const VOCATIVES: &str = "mum mom mam mummy mommy ma dad daddy pa mother father grandma \
    granny gran nan nana grandpa grandad granddad sis bro babe baby love hon honey darling \
    sweetheart sweetie mate buddy pal guys folks team everyone all son kiddo auntie uncle";
pub(super) const INTROS: &str = "in from for looking thinking given with at on over since as based after \
    before during if when now so ok okay well honestly personally overall ideally \
    realistically out compared beyond besides aside apart";
pub(super) const REQ_ANY: &str = "describe explain share elaborate expand outline unpack clarify recount \
    summarize summarise imagine picture list name describing explaining sharing \
    elaborating expanding outlining unpacking clarifying";
pub(super) const REQ_ME: &str = "tell walk talk take run give help show paint guide fill catch bring point \
    remind teach telling walking talking taking running giving helping showing";
pub(super) const LEARN: &str = "hear know understand learn explore ask";
pub(super) const NOTES: &str = "ask find check confirm mention pitch demo present discuss cover follow \
    remember probe dig explore raise bring send schedule get learn figure push nail qualify \
    talk walk go review note circle ping email call book prep prepare research look need";
pub(super) const TAGS: &str = "right correct yes no true agreed yeah ok okay huh eh yep surely";
pub(super) const ASIDES: &str =
    "really seriously wow oh hmm interesting sorry huh gotcha great cool thanks";
/// Words that presume the answer wherever they stand in the sentence.
pub(super) const LOADED: &str = "obviously|surely|of course|undoubtedly|no doubt|everyone knows|\
    everybody knows|we all know|as you know|as we know|let's face it|let's be honest|admit it|\
    you'll admit|you must be|you must have|you must feel|i assume|i'm assuming|i'm sure|i bet|\
    i imagine|i'd imagine|presumably|clearly you|clearly this|clearly it|put up with|\
    stuck with|outdated|clunky|archaic|antiquated|old-fashioned|overpriced|wasting|ancient|\
    creaky|prehistoric|dinosaur|lost productivity|lost revenue|lost sales|lost time|lost deals";
/// Praise of the asker's own offer inside a question: "our award-winning…".
pub(super) const PRAISE: &str = "award-winning best-in-class industry-leading market-leading \
    world-class leading proven powerful innovative unique cutting-edge amazing brilliant \
    fantastic incredible seamless game-changing revolutionary best fantastic superb";
/// What a "how much/many" question presumes they are losing: "…are you losing".
pub(super) const LOSING: &str = "losing bleeding leaking costing burning missing haemorrhaging \
    hemorrhaging throwing";
/// Judgements that presume the answer inside the question, and are only
/// context before it ("you said it was a nightmare, what happened?").
pub(super) const JUDGED: &str = "terrible|awful|useless|dreadful|horrible|rubbish|appalling|shocking|\
    such an obvious|so obvious|must be losing|must hate|must be sick|must be tired|\
    must be fed up|must be struggling|must be costing|must be frustrated|nightmare|headache|\
    your poor|how much longer|most frustrating|most annoying|most painful|biggest headache|\
    worst thing|worst part|how many more times|how many times do i|how many times have i|\
    how many times must i|how much of a relief|how much of a pain|how much of a hassle|\
    how much of a mess";
/// Opening on what the asker already assumes.
pub(super) const ASSUMING: &str = "i take it|i'm guessing|i am guessing|i guess you|i suppose you|\
    i presume|i gather|i reckon you|i expect you|i'm assuming|i assume";
pub(super) const FRAMES: &str = "i take it|i'm guessing|i suppose you|i presume|i gather|i reckon you|\
    i expect you|don't you think|wouldn't you agree|wouldn't you say|would you agree|\
    do you agree|you'd agree|you would agree|you'll agree|you agree that|you agree the|\
    you agree it|agree that|isn't it true|\
    is it fair to say|would it be fair to say|it's fair to say|is it safe to say|\
    it's safe to say|do you not|would you not|is it not|are you not";
pub(super) const WHY_NOT: &str = "why wait|why delay|what are you waiting for|what are we waiting for|\
    why hold off|why would you wait|why would you stay|\
    why would you stick|why would you keep|why would you continue|why would you settle|\
    why would you risk|why would you put up|why wouldn't|why don't you just|why don't we just|why would anyone|who wouldn't|\
    who doesn't|can't you just|couldn't you just|what's not to";
pub(super) const LOADED_ADJ: &str = "better easier great amazing awesome nice wonderful frustrated \
    excited thrilled delighted relieved stressed impressed happier simpler faster calmer nicer \
    lovely proud brilliant fed smoother quicker cheaper safer clearer stronger healthier tidier \
    badly worse harder slower \
    frustrating painful bad annoying annoyed terrible awful wasteful worried scary stressful \
    exhausting tired sick";
/// What a question presumes the asker's offer gives them.
pub(super) const GAINS: &str = "like most|like best|like about|love about|love most|loved most|\
    enjoy most|enjoying most|enjoyed most|best part|best thing|favourite|favorite|save|\
    get back|frees up|free up|happier|better off|gain|savings|payback|extra budget";
pub(super) const BENEFIT: &str = "save cut reduce increase grow double triple boost lower improve win \
    beat avoid stop make";
pub(super) const PITCH_SUBJ: &str = "we we're we've we'll we'd our";
pub(super) const PITCH_CUES: &str = "cut cuts save saves saving reduce reduces lower lowers boost boosts \
    increase increases improve improves help helps helped offer offers deliver delivers \
    guarantee guarantees leading leader best fastest cheapest only award award-winning trusted \
    integrates proven unique outperform outperforms double doubles triple roi #1";
pub(super) const READY: &str = "ready to sign|ready to buy|ready to commit|ready to move forward|\
    ready to proceed|ready to purchase|ready to order|ready to switch|ready to upgrade|\
    ready to close|ready to decide|ready to pull|ready to place|ready to go ahead|\
    ready to get started|ready to make a decision|ready to make the switch|good to go";
pub(super) const URGENT: &str = "today|tonight|asap|immediately|right away|this week|this month|\
    this afternoon|this morning|tomorrow|right now|before then|in the next hour|by close|\
    this quarter|as soon as possible|end of the quarter|end of quarter|end of the month|\
    end of month|end of the year|end of year|quarter end|quarter-end|month-end|year-end|\
    end of day|eod|end of the week|by monday|by tuesday|by wednesday|by thursday|by friday|\
    by tomorrow|before friday|before monday|by the weekend|before the weekend|before the holidays|\
    before christmas|before the break";
pub(super) const OFFERS: &str = "expires|expire|expiring|offer ends|discount ends|deal ends|limited time|\
    last chance|while it lasts|won't last|price goes up|prices go up|\
    price will go up|prices will go up|only until|valid until|hold this price|hold the price|\
    act now|today only|this week only|don't miss";
pub(super) const SELLER_NEEDS: &str = "my quota|my numbers|my number|our quarter|my quarter|my target|\
    our numbers|hit my|hit our|my forecast|in the forecast|my manager|my boss|my vp|my director|\
    my commission|presidents club|president's club|my month|my deadline|our fiscal|our year-end|\
    our quarter-end|my pipeline|my team needs|my month-end|month-end deadline";
/// The decision taken as made.
pub(super) const ASSUMED: &str = "put you down|pencil you in|sign you up|which start date|what start date|\
    expect you|welcome pack|all set to|good to go|shall i send|shall we send|where should i send|\
    who should i send the contract|reserve|send the docusign|send over the contract|\
    send the contract|send you the contract|send you the paperwork|send the paperwork|\
    send the order form|send over the paperwork|get the paperwork|start the paperwork|\
    raise the po|call it done|call it a deal|we're signing|we are signing|we're going ahead|\
    we are going ahead|we're moving forward|we're proceeding|is it a yes|do we have a deal|have we got a deal|is that a yes";
pub(super) const TAKE_IT: &str = "what will it take|what would it take|what's it going to take|\
    what is it going to take|stopping you from|holding you back from|keeping you from|\
    stopping us from|anything stopping|preventing you from|preventing us from|anything preventing|\
    what's stopping|whats stopping|what is stopping|holding us back|keeping us from|what else do we need to do";

/// Whether `word` is one of `list` (words between spaces). A long list is
/// made a set once and kept: the lists are constants, read for every word.
pub(super) fn is(list: &'static str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if list.len() < 48 {
        return list.split_whitespace().any(|w| w == word);
    }
    set_of(list, false).contains(word)
}

/// Whether `stemmed` is the stem of one of `list`'s words.
pub(super) fn is_stem(list: &'static str, stemmed: &str) -> bool {
    set_of(list, true).contains(stemmed)
}

/// The words of a constant `list` as a set (their stems when `stemmed`),
/// made once a thread and kept.
fn set_of(list: &'static str, stemmed: bool) -> std::rc::Rc<std::collections::HashSet<String>> {
    type Sets = std::collections::HashMap<
        (usize, usize, bool),
        std::rc::Rc<std::collections::HashSet<String>>,
    >;
    thread_local! {
        static SETS: std::cell::RefCell<Sets> = Default::default();
    }
    SETS.with(|sets| {
        sets.borrow_mut()
            .entry((list.as_ptr() as usize, list.len(), stemmed))
            .or_insert_with(|| {
                let word = |w: &str| {
                    if stemmed {
                        stem(w).into_owned()
                    } else {
                        w.to_string()
                    }
                };
                std::rc::Rc::new(list.split_whitespace().map(word).collect())
            })
            .clone()
    })
}

pub(super) fn get<'w>(words: &[&'w str], i: usize) -> &'w str {
    words.get(i).copied().unwrap_or("")
}

/// A word without its 's/'re/'ve/'ll/'d/'m ending: "what's" → "what".
pub(super) fn base(word: &str) -> &str {
    ["'s", "'re", "'ve", "'ll", "'d", "'m"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word)
}

/// A word's crude stem, so one list entry matches its forms: "deciding",
/// "decided" and "decides" all give "decid", as "decide" does; "bought" gives
/// "buy". Short words are left alone ("us", "is"), and both sides of a
/// comparison go through it, so the stems need not be real words.
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let irregular = match word {
        "bought" => "buy",
        "chose" | "chosen" => "choos",
        "made" => "make",
        "went" | "gone" => "go",
        "gave" | "given" => "give",
        "took" | "taken" => "take",
        "got" | "gotten" => "get",
        "won" => "win",
        "spent" => "spend",
        "paid" => "pay",
        "sent" => "send",
        "thought" => "think",
        "told" => "tell",
        _ => "",
    };
    if !irregular.is_empty() {
        return Cow::Borrowed(irregular);
    }
    let word = base(word);
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    let cut = |suffix: &str| {
        word.strip_suffix(suffix)
            .filter(|stem| stem.len() >= 3 && stem.bytes().any(|b| b"aeiouy".contains(&b)))
    };
    let stem = if let Some(s) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return Cow::Owned(format!("{s}y"));
    } else if let Some(s) = cut("ing").or_else(|| cut("ed")) {
        s
    } else if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        word
    } else if let Some(s) = cut("es").filter(|s| s.ends_with(['s', 'x', 'z', 'c'])) {
        s
    } else if let Some(s) = cut("s") {
        s.strip_suffix('e').filter(|s| s.len() >= 3).unwrap_or(s)
    } else if let Some(s) = cut("e").filter(|s| !s.ends_with('e')) {
        s
    } else {
        word
    };
    let b = stem.as_bytes();
    let doubled =
        b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b"aeiouls".contains(&b[b.len() - 1]);
    Cow::Borrowed(if doubled {
        &stem[..stem.len() - 1]
    } else {
        stem
    })
}

pub(super) fn is_aux(word: &str) -> bool {
    is(AUX_ALWAYS, word) || is(AUX_SUBJ, word)
}

pub(super) fn negative(word: &str) -> bool {
    word.ends_with("n't")
}

/// Whether `phrase` (words split by spaces) starts at `words[i]`.
pub(super) fn starts_at(words: &[&str], i: usize, phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(n, p)| get(words, i + n) == p)
}

pub(super) fn find(words: &[&str], phrase: &str) -> Option<usize> {
    let first = phrase.split(' ').next().unwrap_or("");
    (0..words.len()).find(|&i| words[i] == first && starts_at(words, i, phrase))
}

/// Guilt: asking through what they owe ("after everything I've done").
pub(super) const GUILT: &str = "after everything|after all i've done|after all we've done|\
    after all i did|after all we did|after all i do|for me for once|for once in your|for once|\
    would it kill|would it hurt to|would it hurt you|you owe|owe me|owe us|owe her|owe him|\
    about time|high time|long enough|too much to ask|how many times do i|how many times have i|\
    how many more times|how many times must i|do you even care|don't you even care|don't you care|\
    you don't care|you don't even care|i gave up|i've given up|i sacrificed|the least you could|\
    all i ask|is it so hard|is that so hard|is it that hard|is it really that hard|how hard can it be|\
    how hard is it to|let me down|let us down|let the team down|let everyone down|let your mother down|\
    let your father down|let your family down|i have to do everything|i do everything";
/// A verdict on the person: "what's wrong with you", "how dare you".
pub(super) const VERDICTS: &str = "what's wrong with you|what is wrong with you|\
    what's the matter with you|what is the matter with you|what's your problem|what is your problem|\
    what's his problem|what's her problem|what's their problem|how dare you|who raised you|\
    wrong with your|wrong with him|wrong with her|wrong with them|matter with your|\
    what is it with your|what's it with your|what's with your|how on earth|where on earth|\
    how did you miss|how did you manage to|how did you not|how can you not|how could anyone|\
    this mess|such a mess|shambles|fiasco|typical you|sloppiest|worst ever|\
    what were you thinking|what was he thinking|what was she thinking|what were they thinking|\
    act your age|grow up|shame on you|you should be ashamed|you ought to be ashamed|\
    what is it with you|what's it with you|what's with you|can't you see|can you not see|\
    why would you let|why would you ever|why on earth|what on earth were|the hell|\
    do you ever listen|don't you ever|do you even|did you even|are you even|\
    embarrassing|unprofessional|disgraceful|shameful|pathetic|\
    drag your feet|dragging your feet|dragging their feet|sitting on it|sat on it|\
    didn't even|don't even|can't even|won't even|wouldn't even|couldn't even|haven't even|\
    never even|who said you could|who told you to|who taught you|who thought it was|\
    why does it take|why did it take|why do i have to|why did i have to|why am i hearing|\
    why am i the one|why is it always me|why is it me|without asking|without telling|\
    without checking with|behind my back|were you ever|are you ever going|you promised|\
    your mistake|your fault|your screw-up|acting like a|act like a|behaving like a|behave like a";
/// Words that label a person, wherever they are said of them.
pub(super) const LABELS: &str = "stubborn selfish lazy childish ungrateful irresponsible incompetent \
    careless sloppy immature spoilt spoiled rude useless hopeless inconsiderate thoughtless \
    disrespectful entitled arrogant dishonest unreliable flaky dramatic hysterical paranoid \
    clueless stupid idiot idiotic ridiculous petty nasty cruel controlling defensive \
    unreasonable obsessed obsessive pushy clingy needy liar hypocrite brat \
    oblivious negligent reckless stingy bossy nosy moody grumpy insensitive \
    self-centred self-centered two-faced spineless pig-headed";
/// Labels only when "so", "such" or "being" says them of someone: "so quiet".
pub(super) const MILD_LABELS: &str = "difficult negative sensitive touchy quiet cold distant slow \
    late loud messy awkward secretive vague evasive dismissive cagey precious fussy \
    picky uptight jumpy angry cross upset";
/// Who "what kind of…" can pass a verdict on.
pub(super) const PEOPLE: &str = "person son daughter mother father mum mom dad friend partner \
    husband wife brother sister manager boss colleague company vendor supplier team parent man \
    woman adult professional people grown-up";

/// Word classes the model reads beside the words (and the rules, for a day
/// named): the time a thing is set for,
/// the deal and what only follows it, feelings presumed, the two sides.
pub(super) fn class(low: &str) -> Option<&'static str> {
    const CLASSES: [(&str, &str); 10] = [
        (
            "PERIOD",
            "week weeks month months quarter quarters year years fortnight fy q1 q2 q3 q4",
        ),
        (
            "TIME",
            "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu \
             thur thurs fri sat sun tomorrow today tonight morning afternoon weekend eod eow cob \
             asap january february march april may june july august september october november \
             december jan feb mar apr jun jul aug sep sept oct nov dec noon",
        ),
        (
            "DEAL",
            "sign signed signing signature contract contracts commit commitment deal order purchase \
             buy po invoice deposit paperwork agreement docusign approve approval decide decision \
             offer renewal renew",
        ),
        (
            "AFTER",
            "start kickoff kick-off onboarding onboard install installation delivery deliver \
             shipment ship setup launch go-live golive rollout roll migrate migration training \
             trainer handover",
        ),
        (
            "GOOD",
            "love loved like liked enjoy enjoyed excited exciting impressed impress relieved best \
             favourite favorite great happier easier better amazing happy pleased win wins \
             peace difference",
        ),
        (
            "BAD",
            "frustrated frustrating annoying annoyed stressed stress painful pain headache \
             headaches struggling struggle struggled clunky slow outdated losing lose lost wasting \
             waste costing broken nightmare disappointed disappointing embarrassing guilty \
             toughest hardest worst mistake mistakes firefighting coping cope bothering wearing \
             worried worry sick tired fed",
        ),
        ("YOU", "you your you're yours you've you'd you'll yourself"),
        (
            "ME",
            "i i'm i've i'll i'd me my we we're we've we'll us our",
        ),
        (
            "NOT",
            "not never don't doesn't didn't won't wouldn't can't couldn't isn't aren't wasn't \
             haven't hasn't shouldn't",
        ),
        (
            "OTHER",
            "he she they him her them his their he's she's they're mum mom dad partner",
        ),
    ];
    if low.starts_with(|c: char| c.is_ascii_digit()) {
        let ordinal = ["st", "nd", "rd", "th", "am", "pm"]
            .iter()
            .any(|e| low.ends_with(e));
        return Some(if ordinal { "TIME" } else { "NUM" });
    }
    static SETS: std::sync::OnceLock<Vec<(&str, std::collections::HashSet<&str>)>> =
        std::sync::OnceLock::new();
    let sets = SETS.get_or_init(|| {
        CLASSES
            .iter()
            .map(|(name, words)| (*name, words.split_whitespace().collect()))
            .collect()
    });
    sets.iter()
        .find(|(_, s)| s.contains(low))
        .map(|(name, _)| *name)
}
