use crate::common::{assert_error, keys, ok_result, sorted, Env};

#[tokio::test]
async fn planogram_single_and_all() {
    let env = Env::small().await; // 5 machines
    let serials = env.sb.machine_serials();
    assert_eq!(serials.len(), 5);

    let r = ok_result(
        &env.get(&format!(
            "/api/Machine/GetMachinePlanogramDetails?serialNo={}",
            serials[2]
        ))
        .await,
    );
    let items = r["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(r["metaData"]["totalItemCount"], 1);
    let m = &items[0]["machine"];
    assert_eq!(
        keys(m),
        sorted(&[
            "machineName",
            "controlBoardSerialNo",
            "machineSerialNo",
            "location",
            "machineType",
            "status",
            "lastActivity",
            "controlBoardVersion"
        ])
    );
    assert_eq!(m["controlBoardSerialNo"], serials[2].as_str());
    assert!(m["controlBoardSerialNo"]
        .as_str()
        .unwrap()
        .starts_with("WTN"));
    assert!(m["machineSerialNo"].is_null());
    let last = m["lastActivity"].as_str().unwrap();
    assert_eq!(last.len(), "2024-04-24T16:06:57.6305139".len(), "{last}");
    assert!(!last.ends_with('Z'));
    let slots = items[0]["machinePlanogram"].as_array().unwrap();
    assert!(!slots.is_empty());
    assert_eq!(
        keys(&slots[0]),
        sorted(&[
            "selection",
            "productName",
            "productItemNumber",
            "criticalLevel",
            "lowLevel",
            "parLevel",
            "maxDepth",
            "currentCount",
            "price"
        ])
    );
    let price = slots[0]["price"].as_str().unwrap();
    assert!(
        price.split_once('.').is_some_and(|(_, c)| c.len() == 2),
        "{price}"
    );
    assert!(slots[0]["selection"].is_string());

    let all = ok_result(
        &env.get("/api/Machine/GetMachinePlanogramDetails?page=1&pageSize=2")
            .await,
    );
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    assert_eq!(all["metaData"]["pageCount"], 3);
    assert_eq!(all["metaData"]["totalItemCount"], 5);
    let last_page = ok_result(
        &env.get("/api/Machine/GetMachinePlanogramDetails?page=3&pageSize=2")
            .await,
    );
    assert_eq!(last_page["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        last_page["items"][0]["machine"]["controlBoardSerialNo"],
        serials[4].as_str()
    );
    assert_eq!(last_page["metaData"]["isLastPage"], true);

    // Some slots are at/under critical and low levels, and some control board versions are null.
    let all = ok_result(
        &env.get("/api/Machine/GetMachinePlanogramDetails?pageSize=100")
            .await,
    );
    let slots: Vec<&serde_json::Value> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["machinePlanogram"].as_array().unwrap())
        .collect();
    let count = |f: &dyn Fn(&serde_json::Value) -> bool| slots.iter().filter(|s| f(s)).count();
    assert!(count(&|s| s["currentCount"].as_i64() <= s["criticalLevel"].as_i64()) > 0);
    assert!(
        count(&|s| s["currentCount"].as_i64() <= s["lowLevel"].as_i64()
            && s["currentCount"].as_i64() > s["criticalLevel"].as_i64())
            > 0
    );
    assert!(all["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["machine"]["controlBoardVersion"].is_null()));

    assert_error(
        &env.get("/api/Machine/GetMachinePlanogramDetails?serialNo=WTN0")
            .await,
        400,
        400,
        "Invalid Serial Number",
    );
    assert_error(
        &env.get("/api/Machine/GetMachinePlanogramDetails?pageSize=1000")
            .await,
        400,
        400,
        "Page size must be between 1 and 100",
    );

    let j = env.sb.journal();
    assert_eq!(j.count("machines.planogram"), 2);
    assert_eq!(j.count("machines.list"), 4);
}

#[tokio::test]
async fn same_seed_same_data_other_seed_other_data() {
    let a = Env::small().await;
    let b = Env::small().await;
    let c = Env::new(crate::common::small().seed(99)).await;
    assert_eq!(a.sb.machine_serials(), b.sb.machine_serials());
    assert_ne!(a.sb.machine_serials(), c.sb.machine_serials());
    let pa = a
        .get("/api/Machine/GetMachinePlanogramDetails?pageSize=100")
        .await
        .json();
    let pb = b
        .get("/api/Machine/GetMachinePlanogramDetails?pageSize=100")
        .await
        .json();
    assert_eq!(pa, pb);
    let ta = a.get("/api/Transaction?page=3&pageSize=50").await.json();
    let tb = b.get("/api/Transaction?page=3&pageSize=50").await.json();
    assert_eq!(ta, tb);
}
