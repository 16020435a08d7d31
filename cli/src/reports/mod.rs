//! Reports the CLI prints. Their logic is the core's (`iqtech::reports`); these modules only
//! choose how they are shown.

pub mod low_stock;
