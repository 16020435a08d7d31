//! The sandbox's state: the seeded world (employees, machines, reservations), the transaction
//! generator, and the services around them (tokens, faults, journal).

pub(crate) mod employees;
pub(crate) mod machines;
pub(crate) mod transactions;
pub(crate) mod will_call;

use std::sync::{Mutex, MutexGuard};

use crate::auth::TokenStore;
use crate::config::SandboxConfig;
use crate::faults::Faults;
use crate::journal::Journal;
use crate::seed::SeedRng;
use employees::Employees;
use machines::Machines;
use transactions::{EmployeeRef, MachineRef, Transactions};
use will_call::WillCall;

/// The mutable data the API operates on.
#[derive(Debug)]
pub(crate) struct World {
    pub employees: Employees,
    pub machines: Machines,
    pub will_call: WillCall,
    /// Draws reservation ids and access codes (deterministic for a given request sequence).
    pub rng: SeedRng,
}

/// Everything a request handler can reach.
#[derive(Debug)]
pub(crate) struct App {
    pub config: SandboxConfig,
    pub world: Mutex<World>,
    pub transactions: Transactions,
    pub tokens: TokenStore,
    pub faults: Faults,
    pub journal: Journal,
    /// `http://127.0.0.1:PORT`, used in bar code URLs.
    pub base_url: String,
}

impl App {
    /// Seeds the world from `config`.
    pub(crate) fn new(config: SandboxConfig, base_url: String) -> App {
        let mut rng = SeedRng::new(config.seed);
        let employees = Employees::seeded(&mut rng, config.employees);
        let machines = Machines::seeded(&mut rng, config.machines);
        let will_call = WillCall::seeded(&mut rng, &machines, &base_url);
        let transactions = Transactions::new(
            config.seed,
            config.transactions,
            config.transactions_start,
            config.transactions_days,
            machines
                .all()
                .iter()
                .map(|m| MachineRef {
                    serial: m.serial.clone(),
                    name: m.name.clone(),
                    location: m.location.clone(),
                })
                .collect(),
            employees
                .all()
                .iter()
                .map(|e| EmployeeRef {
                    name: format!("{}, {}", e.last_name, e.first_name),
                    number: e.employee_number.clone(),
                    department: e.department.clone(),
                })
                .collect(),
            "Sandbox Org".to_string(),
            config.account_name.clone(),
        );
        App {
            tokens: TokenStore::new(
                config.client_id.clone(),
                config.client_secret.clone(),
                config.token_lifetime,
            ),
            journal: Journal::new(config.journal_capacity),
            faults: Faults::default(),
            world: Mutex::new(World {
                employees,
                machines,
                will_call,
                rng,
            }),
            transactions,
            config,
            base_url,
        }
    }

    /// Locks the world (a panicked handler does not poison it for the others).
    pub(crate) fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }
}
