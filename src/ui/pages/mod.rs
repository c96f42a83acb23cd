pub mod overview;
pub mod start;
