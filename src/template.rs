//! MiniJinja as coach runs it: one environment for every template and
//! `when` expression a playbook holds, with limits, so a playbook from
//! anywhere cannot hang coach or eat its memory.
//!
//! Each render or evaluation gets [`FUEL`] (MiniJinja's count of steps and
//! allocations: a playbook's templates use a few hundred) and its text may
//! be at most [`MAX_OUTPUT`] long; and all the templates of one walk (or one
//! load, for `validate`) share a [`Budget`] of [`TOTAL_FUEL`], so a playbook
//! of a thousand templates each just under the limit cannot hang coach
//! either. Running out is [`Failure::Limit`], which the flow reports as bad
//! data (exit 65) naming the playbook and the field, and `coach playbook
//! validate` finds at its place for any template that runs out without
//! answers. A plain text (`Hello {{ with }}`: no statement, call, filter or
//! repetition) cannot run away and is rendered without counting.

use std::cell::Cell;
use std::collections::BTreeMap;

use minijinja::{Environment, ErrorKind, Value};

/// Steps (and about 64 bytes of memory each) a render may use.
pub const FUEL: u64 = 200_000;

/// Characters a rendered text may hold.
pub const MAX_OUTPUT: usize = 64 * 1024;

/// Steps all the templates of one walk or one load may take together.
pub const TOTAL_FUEL: u64 = 2_000_000;

/// What is left of [`TOTAL_FUEL`] for one walk or one load.
#[derive(Debug)]
pub struct Budget(Cell<u64>);

impl Default for Budget {
    fn default() -> Self {
        Budget(Cell::new(TOTAL_FUEL))
    }
}

impl Budget {
    fn charge(&self, used: u64) {
        self.0.set(self.0.get().saturating_sub(used));
    }

    fn spent(&self) -> bool {
        self.0.get() == 0
    }
}

/// Whether a text or expression could run away at all: only statements,
/// calls, filters and repetition can (a plain `{{ with }}` cannot).
pub fn may_run_away(text: &str) -> bool {
    text.contains("{%") || text.contains(['*', '|', '(', '~']) || text.contains("range")
}

/// The environment: fuel, the `none` test (true for a missing answer too).
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    // `prep.answers.x` in a debrief with no prep is nothing, not an error:
    // attributes of an undefined value are undefined, and print as nothing.
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    env.add_test("none", |v: Value| v.is_none() || v.is_undefined());
    env.add_function("runs_down", runs_down);
    env.add_function("named", named);
    env
}

/// `named(people, role)`: the names of the people of a `people` answer who
/// play `role` (`economic`, `user`, `technical`, `coach`), joined with
/// "and"; none when nobody does, so `named(influences, 'economic') or 'the
/// one who signs'` reads either way.
fn named(people: Value, role: &str) -> Value {
    let Ok(items) = people.try_iter() else {
        return Value::from(());
    };
    let names: Vec<String> = items
        .filter(|p| {
            p.get_attr("roles")
                .ok()
                .and_then(|roles| {
                    roles
                        .try_iter()
                        .ok()
                        .map(|mut r| r.any(|r| r.as_str() == Some(role)))
                })
                .unwrap_or(false)
        })
        .filter_map(|p| p.get_attr("name").ok()?.as_str().map(str::to_owned))
        .collect();
    match names.len() {
        0 => Value::from(()),
        _ => Value::from(crate::text::and_list(&names)),
    }
}

/// `runs_down(answer)`: the first words of a text answer, or of any item of a
/// list, that run something down ("clunky", "a joke"); none when it only
/// names or describes (see `crate::coaching::runs_down`).
fn runs_down(answer: Value) -> Value {
    let found = match answer.as_str() {
        Some(text) => crate::coaching::runs_down::runs_down(text),
        None => answer.try_iter().ok().and_then(|items| {
            items
                .filter_map(|item| {
                    item.as_str()
                        .and_then(crate::coaching::runs_down::runs_down)
                })
                .next()
        }),
    };
    found.map_or(Value::from(()), Value::from)
}

/// Why a template or expression could not be used.
#[derive(Debug)]
pub enum Failure {
    /// It ran out of fuel or built too much text.
    Limit,
    /// The walk's (or the load's) texts together ran out of [`TOTAL_FUEL`].
    Budget,
    /// Anything else MiniJinja says: a syntax error, an undefined value.
    Jinja(minijinja::Error),
}

impl Failure {
    /// What went wrong, in a few words.
    pub fn reason(&self) -> String {
        match self {
            Failure::Limit => format!(
                "it would run too long or build too much text (more than {FUEL} steps or \
                 {MAX_OUTPUT} characters)"
            ),
            Failure::Budget => format!(
                "together with the playbook's other texts before it, it would run too long \
                 (more than {TOTAL_FUEL} steps in all)"
            ),
            Failure::Jinja(err) => err.detail().map_or_else(|| err.to_string(), str::to_owned),
        }
    }
}

impl From<minijinja::Error> for Failure {
    fn from(err: minijinja::Error) -> Self {
        match err.kind() {
            ErrorKind::OutOfFuel => Failure::Limit,
            _ => Failure::Jinja(err),
        }
    }
}

/// `template` rendered with `ctx`, within the limits, charged to `budget`.
pub fn render(
    env: &Environment,
    template: &str,
    ctx: &BTreeMap<String, Value>,
    budget: &Budget,
) -> Result<String, Failure> {
    let text = if may_run_away(template) {
        if budget.spent() {
            return Err(Failure::Budget);
        }
        let compiled = env.template_from_str(template)?;
        match compiled.render_captured(Value::from(ctx.clone())) {
            Ok(captured) => {
                let used = captured
                    .state()
                    .fuel_levels()
                    .map_or(FUEL, |(used, _)| used);
                budget.charge(used);
                captured.output().to_string()
            }
            Err(err) => {
                budget.charge(FUEL);
                return Err(err.into());
            }
        }
    } else {
        env.render_str(template, Value::from(ctx.clone()))?
    };
    if text.chars().count() > MAX_OUTPUT {
        return Err(Failure::Limit);
    }
    Ok(text)
}

/// Whether `expr` holds for `ctx`, within the limits, charged to `budget`.
pub fn holds(
    env: &Environment,
    expr: &str,
    ctx: &BTreeMap<String, Value>,
    budget: &Budget,
) -> Result<bool, Failure> {
    let compiled = env.compile_expression(expr)?;
    if !may_run_away(expr) {
        return Ok(compiled.eval(Value::from(ctx.clone()))?.is_true());
    }
    // As a template, so that its steps are counted; the expression itself
    // compiled above, so it cannot close the tag early.
    let text = render(
        env,
        &format!("{{% if ({expr}) %}}1{{% endif %}}"),
        ctx,
        budget,
    )?;
    Ok(text == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runaway_templates_stop_at_the_limit() {
        let env = environment();
        let ctx = BTreeMap::new();
        let b = Budget::default();
        let nested =
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}";
        assert!(matches!(
            render(&env, nested, &ctx, &b),
            Err(Failure::Limit)
        ));
        let big = "{{ 'x' * 50000000 }}";
        assert!(matches!(render(&env, big, &ctx, &b), Err(Failure::Limit)));
        let wide = "{% for i in range(70000) %}x{% endfor %}";
        assert!(matches!(render(&env, wide, &ctx, &b), Err(Failure::Limit)));
        let loops = "range(100000) | map('string') | join | length > 0";
        assert!(matches!(holds(&env, loops, &ctx, &b), Err(Failure::Limit)));
        let b = Budget::default();
        assert_eq!(
            render(&env, "Hello {{ with }}", &ctx, &b).unwrap(),
            "Hello "
        );
        let mut ctx = BTreeMap::new();
        ctx.insert("n".to_string(), Value::from(4));
        assert!(holds(&env, "n >= 4", &ctx, &b).unwrap());
        assert!(holds(&env, "missing is none", &ctx, &b).unwrap());
        assert!(holds(&env, "(n * 2) == 8", &ctx, &b).unwrap());
        assert!(!holds(&env, "(n * 2) == 9", &ctx, &b).unwrap());
    }

    #[test]
    fn many_small_loops_share_one_budget() {
        let env = environment();
        let ctx = BTreeMap::new();
        let b = Budget::default();
        let almost = "{% for i in range(60000) %}{% endfor %}x";
        let ok = (0..1000)
            .take_while(|_| render(&env, almost, &ctx, &b).is_ok())
            .count();
        assert!(
            ok < 1000 && ok > 0,
            "{ok} renders before the budget ran out"
        );
        assert!(matches!(
            render(&env, almost, &ctx, &b),
            Err(Failure::Budget)
        ));
        // Plain texts are not counted, so they always render.
        assert_eq!(render(&env, "plain {{ n }}", &ctx, &b).unwrap(), "plain ");
    }
}
