//! Deterministic pseudo-random numbers and the word lists the seeded data is made from.
//!
//! The generator is SplitMix64, written out here so that a given seed produces the same data
//! with every version of every dependency.

/// A small deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub(crate) struct SeedRng(u64);

impl SeedRng {
    /// A generator whose sequence is fixed by `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        SeedRng(seed ^ 0x5EED_1D7E_C4A9_0000)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// `n` decimal digits.
    pub(crate) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// A GUID in the .NET "D" format (`e395e821-11d9-4a18-6b22-08dc49049684`).
    pub(crate) fn guid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xffff,
            b >> 48,
            b & 0xffff_ffff_ffff
        )
    }
}

/// The SplitMix64 finaliser: a good 64-bit mixing function.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Random bits that depend only on `(seed, index, salt)`: used to derive item `index` of a
/// generated sequence without generating the items before it.
pub(crate) fn hash3(seed: u64, index: u64, salt: u64) -> u64 {
    mix(mix(seed ^ 0xA076_1D64_78BD_642F).wrapping_add(index)
        ^ salt.wrapping_mul(0xE703_7ED1_A0B4_28DB))
}

/// First names for seeded employees.
pub(crate) const FIRST_NAMES: &[&str] = &[
    "Hawkeye", "Margaret", "Brydan", "Haizel", "Paul", "Maria", "John", "Aisha", "Chen", "Olivia",
    "Mateo", "Sofia", "Liam", "Noah", "Emma", "Ava", "Lucas", "Mia", "Ethan", "Zoe", "Kwame",
    "Priya", "Diego", "Hana", "Omar", "Ingrid", "Tomas", "Yuki", "Fatima", "Elena",
];

/// Last names for seeded employees.
pub(crate) const LAST_NAMES: &[&str] = &[
    "Pierce",
    "Houlihan",
    "France",
    "Maria",
    "Murphy",
    "Garcia",
    "Smith",
    "Johnson",
    "Nguyen",
    "Okafor",
    "Rossi",
    "Dubois",
    "Kowalski",
    "Tanaka",
    "Silva",
    "Haddad",
    "Larsen",
    "Novak",
    "Fernandez",
    "Schmidt",
    "Mensah",
    "Patel",
    "Lopez",
    "Kim",
    "Ali",
    "Berg",
    "Costa",
    "Sato",
    "Rahman",
    "Ivanova",
];

/// Departments for seeded employees.
pub(crate) const DEPARTMENTS: &[&str] = &[
    "No Restrictions",
    "DEPT 1",
    "DEPT 2",
    "Service",
    "Maintenance",
    "Assembly",
    "Shipping",
    "Quality",
];

/// Locations for seeded machines.
pub(crate) const LOCATIONS: &[&str] = &[
    "Waukee Test Office",
    "Testing Machines",
    "Plant 1 - North Wing",
    "Plant 2 - Tool Crib",
    "Distribution Center",
    "Main Warehouse",
];

/// A product sold from machines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Product {
    /// Display name.
    pub name: &'static str,
    /// The vendor's item number.
    pub item_number: &'static str,
    /// Product group.
    pub group: &'static str,
    /// Manufacturer, when known.
    pub manufacturer: Option<&'static str>,
    /// Unit price in cents.
    pub price_cents: i64,
}

const fn product(
    name: &'static str,
    item_number: &'static str,
    group: &'static str,
    manufacturer: Option<&'static str>,
    price_cents: i64,
) -> Product {
    Product {
        name,
        item_number,
        group,
        manufacturer,
        price_cents,
    }
}

/// The product catalogue of the seeded machines.
pub(crate) const PRODUCTS: &[Product] = &[
    product("Binder clips- Medium", "5678", "Office Supplies", None, 0),
    product("Phase 6", "66", "Phase Releases ", None, 0),
    product("Nitrile Gloves L", "1001", "PPE", Some("Ansell"), 1250),
    product("Safety Glasses Clear", "1002", "PPE", Some("3M"), 475),
    product("Ear Plugs (pair)", "1003", "PPE", Some("3M"), 35),
    product(
        "Cut Resistant Gloves",
        "1004",
        "PPE",
        Some("Mechanix"),
        1899,
    ),
    product(
        "Drill Bit 1/4\"",
        "2001",
        "Cutting Tools",
        Some("DeWalt"),
        699,
    ),
    product(
        "Drill Bit 3/8\"",
        "2002",
        "Cutting Tools",
        Some("DeWalt"),
        849,
    ),
    product(
        "End Mill 1/2\" 4FL",
        "2003",
        "Cutting Tools",
        Some("Kennametal"),
        4250,
    ),
    product(
        "Carbide Insert CNMG",
        "2004",
        "Cutting Tools",
        Some("Sandvik"),
        1125,
    ),
    product(
        "AA Batteries 4pk",
        "3001",
        "Electrical",
        Some("Duracell"),
        599,
    ),
    product("Electrical Tape", "3002", "Electrical", Some("3M"), 289),
    product("Zip Ties 8\" 100pk", "3003", "Electrical", None, 450),
    product("Shop Towels", "4001", "Janitorial", None, 199),
    product("Hand Cleaner", "4002", "Janitorial", Some("GOJO"), 799),
    product(
        "Marker Black",
        "5001",
        "Office Supplies",
        Some("Sharpie"),
        150,
    ),
    product(
        "Tape Measure 25ft",
        "5002",
        "Hand Tools",
        Some("Stanley"),
        1499,
    ),
    product(
        "Utility Knife Blades",
        "5003",
        "Hand Tools",
        Some("Stanley"),
        650,
    ),
    product("Dust Mask N95", "1005", "PPE", Some("3M"), 225),
    product("Hex Key Set", "5004", "Hand Tools", None, 1275),
];

/// Questions asked by user limits at the machine.
pub(crate) const LIMIT_QUESTIONS: &[&str] = &["TESTING", "Work Order", "Job Number", "Reason"];
