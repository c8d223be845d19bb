//! `frontline eval` (stub).

use clap::Args;

#[derive(Args, Debug)]
pub struct EvalArgs {}

pub fn run(_args: EvalArgs) -> anyhow::Result<i32> {
    anyhow::bail!("not implemented yet")
}
