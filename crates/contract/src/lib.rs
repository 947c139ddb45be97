//! The Customer Activity API (`contract/openapi.yaml`) as Rust types.
//!
//! One set of types serves both sides: the demo backend serialises them and
//! the page deserialises them. Two rules of the contract shape them:
//! - unknown keys are ignored (serde's default), and
//! - an unknown enum value must not fail the whole document: every enum has
//!   an `Unknown` catch-all, and [`decode`] reads arrays item by item so one
//!   bad record is reported ([`RecordIssue`]) while the rest still load.
//!
//! Dates stay strings here: whether they parse is the domain's question, so a
//! bad date flags one record instead of losing the document.

mod decode;
mod enums;
pub mod intern;
mod models;
mod stream;

pub use decode::{
    clip_text, decode, DecodeError, Decoded, Document, Item, Lenient, RecordIssue,
    MAX_ISSUE_TEXT_BYTES, MAX_ITEMS_KEPT, MAX_REJECTED_BYTES, MAX_REJECTED_KEPT,
};
pub use enums::*;
pub use intern::Shared;
pub use models::*;
pub use stream::{decode_streamed, StreamDecoder, Streamed};
