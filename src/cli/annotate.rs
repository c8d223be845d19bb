//! `frontline annotate` (stub).

use clap::Args;

#[derive(Args, Debug)]
pub struct AnnotateArgs {}

pub fn run(_args: AnnotateArgs) -> anyhow::Result<i32> {
    anyhow::bail!("not implemented yet")
}
