//! `frontline gazetteer` (stub).

use clap::Args;

#[derive(Args, Debug)]
pub struct GazetteerArgs {}

pub fn run(_args: GazetteerArgs) -> anyhow::Result<i32> {
    anyhow::bail!("not implemented yet")
}
