//! storydiff compares how news outlets cover one story.
//!
//! Given a reference article and a story file listing outlets, it finds each outlet's
//! article on the story, keeps versioned snapshots of them, and reports where each
//! agrees with or departs from the reference: the figures it states, the quotes it
//! carries and the framing it uses.
//!
//! The pipeline runs one way, one module per stage, plain data between them:
//! [`config`] → [`mod@fetch::discover`] → [`fetch`] → [`extract`] → [`snapshot`] →
//! [`claims`] → [`compare`] → [`report`]. [`pipeline`] runs them for a story.
//! `extract`, `claims`, `compare` and `report` do no I/O.
//!
//! ```
//! use storydiff::{claims, extract};
//!
//! let html = "<html lang=en><body><article><h1>Embassy grows</h1>\
//!             <p>Mexico approved 37 new Russian diplomats on Friday, officials said, \
//!             in addition to the 49 already accredited in the capital.</p></article></body></html>";
//! let article = extract::extract(html, None);
//! assert!(article.text().contains("37 new Russian diplomats"));
//! let claims = claims::analyze(&article);
//! println!("{} figures", claims.figures.len());
//! ```
#![deny(missing_docs)]

pub mod claims;
pub mod compare;
pub mod config;
pub mod demo;
mod error;
pub mod extract;
pub mod fetch;
pub mod pipeline;
pub mod report;
pub mod snapshot;

pub use error::{Error, Result};
