pub mod layout;
pub mod objectives;
pub mod organization;
pub mod process;
pub mod results;
pub mod scope;
pub mod services;
pub mod start;
