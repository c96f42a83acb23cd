pub mod banner;
pub mod header;
