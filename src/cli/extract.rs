//! `frontline extract` (stub).

use clap::Args;

#[derive(Args, Debug)]
pub struct ExtractArgs {}

pub fn run(_args: ExtractArgs) -> anyhow::Result<i32> {
    anyhow::bail!("not implemented yet")
}
