//! The links between events as a spreadsheet: `from_event_id, to_event_id, relation, basis`.

use crate::graph::Link;
use crate::Result;
use std::io::Write;

pub fn write_links_csv(links: &[Link], out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let err = super::csv_err("links CSV");
    w.write_record(["from_event_id", "to_event_id", "relation", "basis"])
        .map_err(err)?;
    for l in links {
        w.write_record([&l.from, &l.to, l.relation.as_str(), &l.basis])
            .map_err(err)?;
    }
    w.flush().map_err(super::io_err)
}
