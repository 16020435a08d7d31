use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{assert_error, keys, ok_result, sorted, Env};

fn report(v: &Value) -> (Vec<Value>, Value) {
    let tr = &v["transactionReport"];
    assert_eq!(keys(tr), sorted(&["items", "metaData"]));
    (
        tr["items"].as_array().unwrap().clone(),
        tr["metaData"].clone(),
    )
}

#[tokio::test]
async fn shape_paging_and_filters() {
    let env = Env::small().await; // 500 transactions over 2024, 5 machines
    let (items, meta) = report(&ok_result(
        &env.get("/api/Transaction?page=1&pageSize=100").await,
    ));
    assert_eq!(items.len(), 100);
    assert_eq!(meta["totalItemCount"], 500);
    assert_eq!(meta["pageCount"], 5);
    let item = &items[0];
    assert_eq!(
        keys(item),
        sorted(&["machineDetails", "transactionDetails"])
    );
    assert_eq!(
        keys(&item["machineDetails"]),
        sorted(&[
            "serialNo",
            "organization",
            "account",
            "machineName",
            "location"
        ])
    );
    let d = &item["transactionDetails"].as_array().unwrap();
    assert_eq!(d.len(), 1);
    let d = &d[0];
    assert_eq!(
        keys(d),
        sorted(&[
            "transactionDateAndTime",
            "employeeName",
            "employeeNumber",
            "productName",
            "productGroup",
            "productGroupName",
            "offlinePurchase",
            "selection",
            "manufacturerName",
            "manufacturerItemNumber",
            "dispensedQuantity",
            "secondPersonAuth",
            "batchDetails",
            "userLimit",
            "pricePerItem",
            "total",
            "itemNumber",
            "takenWeight",
            "assetNumber",
            "department",
            "packageQuantity",
            "packagePrice"
        ])
    );
    assert!(
        d["productGroupName"].is_null() && d["takenWeight"].is_null() && d["assetNumber"].is_null()
    );
    assert!(d["pricePerItem"].is_number() && d["total"].is_number());
    assert!(d["batchDetails"][0]["qtyTaken"].is_string());
    assert_eq!(d["transactionDateAndTime"].as_str().unwrap().len(), 27);
    // Money is written with two decimals.
    let raw = env.get("/api/Transaction?page=1&pageSize=100").await.text;
    for member in ["\"total\":", "\"pricePerItem\":", "\"packagePrice\":"] {
        let two_decimals = raw.split(member).skip(1).all(|s| {
            s.split([',', '}'])
                .next()
                .unwrap()
                .split_once('.')
                .is_some_and(|(_, c)| c.len() == 2)
        });
        assert!(two_decimals, "{member}");
    }

    // Times increase, pages continue each other.
    let times: Vec<String> = items
        .iter()
        .map(|i| {
            i["transactionDetails"][0]["transactionDateAndTime"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(times.windows(2).all(|w| w[0] < w[1]));
    let (last, meta) = report(&ok_result(
        &env.get("/api/Transaction?page=5&pageSize=100").await,
    ));
    assert_eq!(last.len(), 100);
    assert_eq!(meta["isLastPage"], true);
    assert_eq!(meta["itemEnd"], 500);

    // Dates: inclusive whole days.
    let (jan, meta) = report(&ok_result(
        &env.get("/api/Transaction?pageSize=100&FromDate=01-01-2024&ToDate=01-31-2024")
            .await,
    ));
    let n = meta["totalItemCount"].as_u64().unwrap();
    assert!((35..=50).contains(&n), "{n} of 500 in January");
    assert!(jan
        .iter()
        .all(|i| i["transactionDetails"][0]["transactionDateAndTime"]
            .as_str()
            .unwrap()
            .starts_with("2024-01")));
    let (_, feb) = report(&ok_result(
        &env.get("/api/Transaction?pageSize=100&FromDate=02-01-2024&ToDate=12-31-2024")
            .await,
    ));
    assert_eq!(feb["totalItemCount"].as_u64().unwrap() + n, 500);
    // An empty report is `result: null` under these tests' dialect (`empty: null`).
    let none = ok_result(&env.get("/api/Transaction?FromDate=01-01-2030").await);
    assert!(none.is_null(), "{none}");

    // Machine filter.
    let serial = &env.sb.machine_serials()[3];
    let (mine, meta) = report(&ok_result(
        &env.get(&format!("/api/Transaction?pageSize=100&serialNo={serial}"))
            .await,
    ));
    assert_eq!(meta["totalItemCount"], 100);
    assert!(mine
        .iter()
        .all(|i| i["machineDetails"]["serialNo"] == serial.as_str()));
    let (_, both) = report(&ok_result(
        &env.get(&format!(
            "/api/Transaction?pageSize=100&serialNo={serial}&fromDate=01-01-2024&toDate=01-31-2024"
        ))
        .await,
    ));
    let both = both["totalItemCount"].as_u64().unwrap();
    let jan_mine = jan
        .iter()
        .filter(|i| i["machineDetails"]["serialNo"] == serial.as_str())
        .count() as u64;
    assert_eq!(both, jan_mine);

    assert_error(
        &env.get("/api/Transaction?pageSize=101").await,
        400,
        400,
        "Page size must be between 1 and 100",
    );
    assert_error(
        &env.get("/api/Transaction?serialNo=WTN0").await,
        400,
        400,
        "Invalid Serial Number",
    );
    assert_eq!(
        env.get("/api/Transaction?FromDate=2024/99/99").await.status,
        400
    );
}

#[tokio::test]
async fn a_million_transactions_start_fast_and_serve_the_last_page() {
    let started = Instant::now();
    let env = Env::new(crate::common::small().transactions(1_000_000)).await;
    assert!(started.elapsed() < Duration::from_secs(5));
    let (items, meta) = report(&ok_result(
        &env.get("/api/Transaction?page=10000&pageSize=100").await,
    ));
    assert_eq!(items.len(), 100);
    assert_eq!(meta["totalItemCount"], 1_000_000);
    assert_eq!(meta["pageCount"], 10_000);
    assert_eq!(meta["isLastPage"], true);
    let last = items[99]["transactionDetails"][0]["transactionDateAndTime"]
        .as_str()
        .unwrap();
    assert!(last.starts_with("2024-12-31"), "{last}");
    let serial = &env.sb.machine_serials()[1];
    let (_, meta) = report(&ok_result(
        &env.get(&format!("/api/Transaction?page=2&pageSize=100&serialNo={serial}&FromDate=06-01-2024&ToDate=06-30-2024")).await,
    ));
    let n = meta["totalItemCount"].as_u64().unwrap();
    assert!((15_000..=17_500).contains(&n), "{n}");
}
