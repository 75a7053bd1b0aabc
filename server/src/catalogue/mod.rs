//! The catalogue: the domain model, the input formats (CSV, XLSX, EAD), validation and the importer.

pub mod dates;
pub mod derive;
pub mod headers;
pub mod import;
pub mod model;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod store;
pub mod validate;
pub mod words;
pub mod write;
