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
    firstly finally lastly next just um uh oh please honestly personally quick question";
pub(super) const INTROS: &str = "in from for looking thinking given with at on over since as based after \
    before during if when now so ok okay well honestly personally overall ideally \
    realistically out compared beyond besides aside apart";
pub(super) const REQ_ANY: &str = "describe explain share elaborate expand outline unpack clarify recount \
    summarize summarise imagine picture list name describing explaining sharing \
    elaborating expanding outlining unpacking clarifying";
pub(super) const REQ_ME: &str = "tell walk talk take run give help show paint guide fill catch bring \
    remind teach telling walking talking taking running giving helping showing";
pub(super) const LEARN: &str = "hear know understand learn explore ask";
pub(super) const NOTES: &str = "ask find check confirm mention pitch demo present discuss cover follow \
    remember probe dig explore raise bring send schedule get learn figure push nail qualify \
    talk walk go review note circle ping email call book prep prepare research look need";
pub(super) const TAGS: &str = "right correct yes no true agreed yeah ok okay huh eh yep surely";
pub(super) const ASIDES: &str =
    "really seriously wow oh hmm interesting sorry huh gotcha great cool thanks";
pub(super) const LOADED: &str = "obviously|surely|of course|undoubtedly|no doubt|everyone knows|\
    everybody knows|we all know|as you know|as we know|let's face it|let's be honest|admit it|\
    you'll admit|you must be|you must have|you must feel|i assume|i'm assuming|i'm sure|i bet|\
    i imagine|i'd imagine|presumably|clearly you|clearly this|clearly it|put up with|\
    stuck with|outdated|clunky|archaic|antiquated|old-fashioned|overpriced|wasting";
pub(super) const FRAMES: &str = "don't you think|wouldn't you agree|wouldn't you say|would you agree|\
    do you agree|you'd agree|you would agree|you'll agree|you agree|agree that|isn't it true|\
    is it fair to say|would it be fair to say|it's fair to say|is it safe to say|\
    it's safe to say|do you not|would you not|is it not|are you not";
pub(super) const WHY_NOT: &str = "why wouldn't|why don't you just|why don't we just|why would anyone|who wouldn't|\
    who doesn't|can't you just|couldn't you just|what's not to";
pub(super) const LOADED_ADJ: &str = "better easier great amazing awesome nice wonderful frustrated \
    frustrating painful bad annoying annoyed terrible awful wasteful worried scary stressful \
    exhausting tired sick";
pub(super) const BENEFIT: &str = "save cut reduce increase grow double triple boost lower improve win \
    beat avoid stop make";
pub(super) const PITCH_SUBJ: &str = "we we're we've we'll we'd our";
pub(super) const PITCH_CUES: &str = "cut cuts save saves saving reduce reduces lower lowers boost boosts \
    increase increases improve improves help helps helped offer offers deliver delivers \
    guarantee guarantees leading leader best fastest cheapest only award award-winning trusted \
    integrates proven unique outperform outperforms double doubles triple roi #1";
pub(super) const CLOSE_WORDS: &str = "sign|signed|signing|signature|commit|buy|purchase|proceed|\
    move forward|moving forward|go ahead|close|closing|approve|paperwork|contract|order form|purchase order|po|deal|\
    switch|upgrade|pull the trigger|lock in|lock it in|lock this in|get this done|\
    wrap this up|wrap it up|wrapped up|go with us|choose us";
pub(super) const READY: &str = "ready to sign|ready to buy|ready to commit|ready to move forward|\
    ready to proceed|ready to purchase|ready to order|ready to switch|ready to upgrade|\
    ready to close|ready to decide|ready to pull|ready to place|ready to go ahead|\
    ready to get started|ready to make a decision|ready to make the switch|good to go";
pub(super) const URGENT: &str = "today|tonight|asap|immediately|right away|this week|this month|\
    this quarter|as soon as possible|end of the quarter|end of quarter|end of the month|\
    end of month|end of the year|end of year|quarter end|quarter-end|month-end|year-end|\
    end of day|eod|end of the week|by monday|by tuesday|by wednesday|by thursday|by friday|\
    by tomorrow|before friday|before monday|by the weekend|before the weekend|before the holidays|\
    before christmas|before the break";
pub(super) const OFFERS: &str = "expires|expire|expiring|offer ends|discount ends|deal ends|limited time|\
    last chance|while it lasts|won't last|price goes up|prices go up|price increase|\
    price will go up|prices will go up|only until|valid until|hold this price|hold the price|\
    act now|today only|this week only|don't miss";
pub(super) const SELLER_NEEDS: &str = "my quota|my numbers|my number|our quarter|my quarter|my target|\
    our numbers|hit my|hit our";
pub(super) const TAKE_IT: &str = "what will it take|what would it take|what's it going to take|\
    what is it going to take|stopping you from|holding you back from|keeping you from";

pub(super) fn is(list: &str, word: &str) -> bool {
    !word.is_empty() && list.split_whitespace().any(|w| w == word)
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
