//! MiniJinja as coach runs it: one environment for every template and
//! `when` expression a playbook holds, with limits, so a playbook from
//! anywhere cannot hang coach or eat its memory.
//!
//! Each render or evaluation gets [`FUEL`] (MiniJinja's count of steps and
//! allocations: a playbook's templates use a few hundred) and its text may
//! be at most [`MAX_OUTPUT`] long. Running out of either is a [`Limit`]
//! error, which the flow reports as bad data (exit 65) naming the playbook
//! and the field, and `coach playbook validate` finds at its place for any
//! template that runs out without answers.

use std::collections::BTreeMap;

use minijinja::{Environment, ErrorKind, Value};

/// Steps (and about 64 bytes of memory each) a render may use.
pub const FUEL: u64 = 200_000;

/// Characters a rendered text may hold.
pub const MAX_OUTPUT: usize = 64 * 1024;

/// The environment: fuel, the `none` test (true for a missing answer too).
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.add_test("none", |v: Value| v.is_none() || v.is_undefined());
    env
}

/// Why a template or expression could not be used.
#[derive(Debug)]
pub enum Failure {
    /// It ran out of fuel or built too much text.
    Limit,
    /// Anything else MiniJinja says: a syntax error, an undefined value.
    Jinja(minijinja::Error),
}

impl Failure {
    /// What went wrong, in a few words.
    pub fn reason(&self) -> String {
        match self {
            Failure::Limit => format!(
                "it would run too long or build too much text (more than {FUEL} steps or {MAX_OUTPUT} characters)"
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

/// `template` rendered with `ctx`, within the limits.
pub fn render(
    env: &Environment,
    template: &str,
    ctx: &BTreeMap<String, Value>,
) -> Result<String, Failure> {
    let text = env.render_str(template, Value::from(ctx.clone()))?;
    if text.chars().count() > MAX_OUTPUT {
        return Err(Failure::Limit);
    }
    Ok(text)
}

/// Whether `expr` holds for `ctx`, within the limits.
pub fn holds(
    env: &Environment,
    expr: &str,
    ctx: &BTreeMap<String, Value>,
) -> Result<bool, Failure> {
    let compiled = env.compile_expression(expr)?;
    Ok(compiled.eval(Value::from(ctx.clone()))?.is_true())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runaway_templates_stop_at_the_limit() {
        let env = environment();
        let ctx = BTreeMap::new();
        let nested =
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}";
        assert!(matches!(render(&env, nested, &ctx), Err(Failure::Limit)));
        let big = "{{ 'x' * 50000000 }}";
        assert!(matches!(render(&env, big, &ctx), Err(Failure::Limit)));
        let wide = "{% for i in range(70000) %}x{% endfor %}";
        assert!(matches!(render(&env, wide, &ctx), Err(Failure::Limit)));
        let loops = "range(100000) | map('string') | join | length > 0 and range(100000) | map('string') | join | length > 0";
        assert!(matches!(holds(&env, loops, &ctx), Err(Failure::Limit)));
        assert_eq!(render(&env, "Hello {{ with }}", &ctx).unwrap(), "Hello ");
        let mut ctx = BTreeMap::new();
        ctx.insert("n".to_string(), Value::from(4));
        assert!(holds(&env, "n >= 4", &ctx).unwrap());
        assert!(holds(&env, "missing is none", &ctx).unwrap());
    }
}
