//! Reading-room staff pages under `/staff/…`: the reader verification queue and one
//! registration. The helpers here (dates, labels, the error page) serve the admin pages too.

mod kit;
mod labels;
mod queue;
mod reader;

pub use queue::ReaderQueuePage;
pub use reader::ReaderPage;

pub(crate) use crate::i18n::dates::vn_datetime;
pub(crate) use kit::DeniedPage;
pub(crate) use labels::{action_label, yes_no};
