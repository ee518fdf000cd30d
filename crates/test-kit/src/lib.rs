//! Generators and checks shared by Masterly's tests and benchmarks, natively and in
//! the browser. Never a dependency of what the pages ship.

pub mod fixtures;
pub mod golden;
pub mod pictures;
pub mod scans;
pub mod student;
pub mod synthetic;
