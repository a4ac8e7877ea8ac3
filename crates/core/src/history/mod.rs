//! What is kept so nothing paid for is lost: finished images with their request (records),
//! and requests on the wire (the journal). Pure data and rules; storage is browser glue.

pub mod journal;
pub mod record;
pub mod window;
