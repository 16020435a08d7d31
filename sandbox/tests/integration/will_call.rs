use serde_json::{json, Value};

use crate::common::{assert_error, assert_exception, assert_problem, keys, ok_result, sorted, Env};

fn assignee(name: &str, role: &str) -> Value {
    json!({
        "assigneeType": "Custom", "contactNumber": "5155550100", "countryDialCode": "+1",
        "email": format!("{}@example.com", name.to_lowercase().replace(' ', ".")), "userId": "",
        "name": name, "role": role, "sendBarCode": true, "description": "test"
    })
}

fn reservation(serial: &str, selection: &str, kind: &str, assignees: Vec<Value>) -> Value {
    json!({
        "createdbyUser": "Integration Test", "selection": selection, "reservationType": kind,
        "sendCode": "EMAIL", "locationName": "Test", "serialNumber": serial, "productName": "Binder clips- Medium",
        "externalReserveLockerDetailList": assignees
    })
}

/// The integers of a JSON array; an empty list under `empty: null` (`null`, or W2/W3's envelope
/// with `result: null`) gives none.
fn ints(v: &Value) -> Vec<i64> {
    if v.is_null() || v.get("result").is_some_and(Value::is_null) {
        return Vec::new();
    }
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect()
}

fn today() -> String {
    chrono::Utc::now().format("%m-%d-%Y").to_string()
}

#[tokio::test]
async fn reservation_lifecycle_v2() {
    let env = Env::small().await;
    let serial = env.sb.locker_machine_serials()[0].clone();
    let sel_path = format!("/api/2.0/WillCall/GetReservableSelections/{serial}");
    let status_path = format!("/api/2.0/WillCall/GetReservationStatus/{serial}");

    let before = env.get(&sel_path).await;
    assert_eq!(before.status, 200);
    let before = ints(&before.json());
    assert_eq!(before.len(), 21, "23 lockers, 2 pre-booked");
    let seeded_status = env.get(&status_path).await.json();
    assert_eq!(seeded_status.as_array().unwrap().len(), 2);
    let pick = before[0].to_string();

    let r = env
        .post(
            "/api/2.0/WillCall/AddReservation",
            reservation(
                &serial,
                &pick,
                "DropOff",
                vec![
                    assignee("API TESTING 1", "DropOff"),
                    assignee("API TESTING 2", "Pickup"),
                ],
            ),
        )
        .await;
    let result = ok_result(&r);
    assert_eq!(
        keys(&result),
        sorted(&["reserveLockerId", "accessCodes", "message"])
    );
    assert_eq!(result["message"], "Reservation added successfully");
    let id = result["reserveLockerId"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 36);
    let codes = result["accessCodes"].as_array().unwrap();
    assert_eq!(codes.len(), 2);
    assert_eq!(
        keys(&codes[0]),
        sorted(&["userName", "role", "accessCodes", "barCode"])
    );
    assert_eq!(codes[0]["userName"], "API TESTING 1");
    assert_eq!(codes[1]["role"], "Pickup");
    let first_codes: Vec<String> = codes
        .iter()
        .map(|c| c["accessCodes"].as_str().unwrap().to_string())
        .collect();
    assert!(first_codes
        .iter()
        .all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit())));
    assert!(codes[0]["barCode"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/{}.png", first_codes[0])));

    // Selections shrink; the status lists the new reservation.
    let after = ints(&env.get(&sel_path).await.json());
    assert_eq!(after.len(), 20);
    assert!(!after.contains(&before[0]));
    let status = env.get(&status_path).await.json();
    let mine: Vec<&Value> = status
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["reserveLockerId"] == id.as_str())
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        keys(mine[0]),
        sorted(&["reserveLockerId", "selection", "currentStatus"])
    );
    assert_eq!(mine[0]["selection"], pick.as_str());
    assert_eq!(mine[0]["currentStatus"], "Drop Off Pending");

    // Booked selection cannot be booked again.
    let again = env
        .post(
            "/api/2.0/WillCall/AddReservation",
            reservation(&serial, &pick, "Release", vec![assignee("X", "")]),
        )
        .await;
    assert_exception(&again, 500, "Invalid Selection");
    assert!(again.json()["result"].is_null());

    // New code replaces the old ones.
    let r = env
        .call(
            reqwest::Method::POST,
            &format!("/api/2.0/WillCall/SendNewCode/{id}"),
            None,
        )
        .await;
    let result = ok_result(&r);
    assert_eq!(result["message"], "New Access Code Generated Successfully");
    assert_eq!(result["reserveLockerId"], id.as_str());
    let new_codes: Vec<String> = result["accessCodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["accessCodes"].as_str().unwrap().to_string())
        .collect();
    assert_ne!(new_codes, first_codes);
    let info = env.sb.reservation(&id).unwrap();
    assert_eq!(info.access_codes, new_codes);
    assert_eq!(info.status, "Drop Off Pending");

    // Report (not enveloped).
    let report = env
        .get(&format!(
            "/api/2.0/WillCall/GetReservedLockerReport?serialNumber={serial}&fromDate={}&toDate={}&pageNumber=1&pageSize=20",
            today(),
            today()
        ))
        .await;
    assert_eq!(report.status, 200);
    let v = report.json();
    assert_eq!(
        keys(&v),
        sorted(&["accountName", "hasNextPage", "totalPages", "machineDetails"])
    );
    assert_eq!(v["totalPages"], 1);
    let md = &v["machineDetails"][0];
    assert_eq!(
        keys(md),
        sorted(&["machineName", "locationName", "reservationDetails"])
    );
    let details = md["reservationDetails"].as_array().unwrap();
    assert_eq!(details.len(), 2, "one entry per assignee, today's only");
    assert_eq!(
        keys(&details[0]),
        sorted(&[
            "type",
            "selection",
            "productName",
            "activity",
            "timestamp",
            "reservedUser",
            "role",
            "assignee",
            "assigneeType",
            "dateString"
        ])
    );
    assert_eq!(details[0]["type"], "DropOff");
    assert_eq!(details[0]["role"], "Drop Off");
    assert_eq!(details[0]["activity"], "Stock Pending");
    assert_eq!(details[0]["reservedUser"], "Integration Test");
    let paged = env
        .get(&format!("/api/2.0/WillCall/GetReservedLockerReport?serialNumber={serial}&pageNumber=1&pageSize=1"))
        .await
        .json();
    assert_eq!(paged["hasNextPage"], true);
    assert_eq!(
        paged["totalPages"], 5,
        "2 seeded reservations (1 + 2 assignees) + 2 of ours"
    );

    // Recall: locker returns, status drops it, codes die.
    let r = env
        .post(
            &format!("/api/2.0/WillCall/RecallReservation?reservationLockerId={id}"),
            assignee("API TESTING 1", "DropOff"),
        )
        .await;
    assert_eq!(
        ok_result(&r)["message"],
        "Reservation Recalled Successfully"
    );
    assert_eq!(ints(&env.get(&sel_path).await.json()), before);
    let status = env.get(&status_path).await.json();
    assert!(status
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["reserveLockerId"] != id.as_str()));
    let info = env.sb.reservation(&id).unwrap();
    assert_eq!(
        (info.status.as_str(), info.access_codes.len()),
        ("Recalled", 0)
    );
    let report = env
        .get(&format!(
            "/api/2.0/WillCall/GetReservedLockerReport?serialNumber={serial}&fromDate={}",
            today()
        ))
        .await
        .json();
    assert_eq!(
        report["machineDetails"][0]["reservationDetails"][0]["activity"],
        "Recalled"
    );

    // Recall again: 404 with errorId 400; new code for a recalled reservation: 400.
    let again = env
        .post(
            &format!("/api/2.0/WillCall/RecallReservation?reservationLockerId={id}"),
            assignee("A", ""),
        )
        .await;
    assert_error(&again, 404, 400, "Invalid Operation!");
    assert!(again.json().get("result").is_none());
    let r = env
        .call(
            reqwest::Method::POST,
            &format!("/api/2.0/WillCall/SendNewCode/{id}"),
            None,
        )
        .await;
    assert_error(&r, 400, 400, "Invalid Operation!");
}

#[tokio::test]
async fn will_call_errors() {
    let env = Env::small().await;
    let serial = env.sb.locker_machine_serials()[0].clone();
    let free = ints(
        &env.get(&format!(
            "/api/2.0/WillCall/GetReservableSelections/{serial}"
        ))
        .await
        .json(),
    );
    let s = free[0].to_string();
    let add = |body: Value| env.post("/api/2.0/WillCall/AddReservation", body);

    assert_exception(
        &add(reservation(
            "WTN000",
            &s,
            "Release",
            vec![assignee("A", "")],
        ))
        .await,
        500,
        "Invalid Serial Number",
    );
    assert_exception(
        &add(reservation(
            &serial,
            "100",
            "Release",
            vec![assignee("A", "")],
        ))
        .await,
        500,
        "Invalid Selection",
    );
    assert_exception(
        &add(reservation(
            &serial,
            &s,
            "Teleport",
            vec![assignee("A", "")],
        ))
        .await,
        500,
        "Invalid Reservation Type",
    );
    for (kind, n) in [
        ("Release", 2),
        ("Pickup", 1),
        ("DropOff", 3),
        ("Exchange", 2),
    ] {
        let r = add(reservation(
            &serial,
            &s,
            kind,
            (0..n).map(|i| assignee(&format!("A{i}"), "")).collect(),
        ))
        .await;
        assert_eq!(r.status, 500);
        assert!(r.json()["exception"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Invalid Assignee Details"));
    }
    // Every type with its right count works.
    for (i, (kind, n, status)) in [
        ("Release", 1, "Pick Up Pending"),
        ("Pickup", 2, "Pick Up Pending"),
        ("DropOff", 2, "Drop Off Pending"),
        ("Exchange", 3, "Drop Off Pending"),
    ]
    .into_iter()
    .enumerate()
    {
        let sel = free[i + 1].to_string();
        let r = add(reservation(
            &serial,
            &sel,
            kind,
            (0..n).map(|k| assignee(&format!("A{k}"), "")).collect(),
        ))
        .await;
        let result = ok_result(&r);
        assert_eq!(result["accessCodes"].as_array().unwrap().len(), n);
        let id = result["reserveLockerId"].as_str().unwrap();
        assert_eq!(env.sb.reservation(id).unwrap().status, status);
    }
    // A machine without lockers has nothing to reserve.
    let tracker = env
        .sb
        .machine_serials()
        .into_iter()
        .find(|m| !env.sb.locker_machine_serials().contains(m))
        .unwrap();
    assert_eq!(
        ints(
            &env.get(&format!(
                "/api/2.0/WillCall/GetReservableSelections/{tracker}"
            ))
            .await
            .json()
        ),
        Vec::<i64>::new()
    );
    assert_exception(
        &add(reservation(
            &tracker,
            "162",
            "Release",
            vec![assignee("A", "")],
        ))
        .await,
        500,
        "Invalid Selection",
    );

    // Unknown serials: 400 envelopes with result null.
    for path in [
        "/api/2.0/WillCall/GetReservationStatus/WTN0000",
        "/api/2.0/WillCall/GetReservableSelections/WTN0000",
        "/api/2.0/WillCall/GetReservedLockerReport?serialNumber=WTN0000",
        "/api/WillCall/GetReservationStatus/WTN0000",
        "/api/WillCall/GetReservedLockerReport?serialNumber=WTN0000",
    ] {
        let r = env.get(path).await;
        assert_error(&r, 400, 400, "Invalid Serial Number");
        assert!(r.json()["result"].is_null());
        assert!(r.json()["exception"].is_null());
    }
    assert_error(
        &env.get(&format!(
            "/api/2.0/WillCall/GetReservedLockerReport?serialNumber={serial}&pageSize=500"
        ))
        .await,
        400,
        400,
        "Page size must be between 1 and 100",
    );
    assert_eq!(
        env.get(&format!(
            "/api/2.0/WillCall/GetReservedLockerReport?serialNumber={serial}&fromDate=2024-13-45"
        ))
        .await
        .status,
        400
    );

    // SendNewCode: non-GUID → ProblemDetails; unknown GUID → 400 envelope.
    let r = env
        .call(
            reqwest::Method::POST,
            "/api/2.0/WillCall/SendNewCode/00000000",
            None,
        )
        .await;
    assert_problem(&r, "reservationLockerId");
    assert_eq!(
        r.json()["errors"]["reservationLockerId"][0],
        "The value '00000000' is not valid."
    );
    let r = env
        .call(
            reqwest::Method::POST,
            "/api/WillCall/SendNewCode/000000000",
            None,
        )
        .await;
    assert_problem(&r, "reservationLockerId");
    let r = env
        .call(
            reqwest::Method::POST,
            "/api/2.0/WillCall/SendNewCode/e395e821-11d9-4a18-6b22-08dc49049684",
            None,
        )
        .await;
    assert_error(&r, 400, 400, "Invalid Reservation Locker Id");
    let r = env
        .post("/api/2.0/WillCall/RecallReservation?reservationLockerId=e395e821-11d9-4a18-6b22-08dc49049684", json!({}))
        .await;
    assert_error(&r, 404, 400, "Invalid Operation!");
    assert_problem(
        &env.post(
            "/api/2.0/WillCall/RecallReservation?reservationLockerId=xyz",
            json!({}),
        )
        .await,
        "reservationLockerId",
    );
    // Malformed body → ProblemDetails.
    let r = env
        .http
        .post(env.url("/api/2.0/WillCall/AddReservation"))
        .bearer_auth(&env.token)
        .header("content-type", "application/json")
        .body("{\"selection\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.json::<Value>().await.unwrap()["errors"]["$"].is_array());
}

#[tokio::test]
async fn legacy_generation_shapes_and_shared_store() {
    let env = Env::small().await;
    let serial = env.sb.locker_machine_serials()[1].clone();
    let free = ints(
        &env.get(&format!("/api/WillCall/GetReservableSelections/{serial}"))
            .await
            .json(),
    );
    let sel = free[0].to_string();
    let r = env
        .post(
            "/api/WillCall/AddReservation",
            reservation(
                &serial,
                &sel,
                "Pickup",
                vec![assignee("L1", "DropOff"), assignee("L2", "Pickup")],
            ),
        )
        .await;
    let id = ok_result(&r)["reserveLockerId"]
        .as_str()
        .unwrap()
        .to_string();

    // L2 has no reserveLockerId; W2 sees the legacy reservation.
    let legacy = env
        .get(&format!("/api/WillCall/GetReservationStatus/{serial}"))
        .await
        .json();
    let item = legacy
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["selection"] == sel.as_str())
        .unwrap()
        .clone();
    assert_eq!(keys(&item), sorted(&["selection", "currentStatus"]));
    assert_eq!(item["currentStatus"], "Pick Up Pending");
    let v2 = env
        .get(&format!("/api/2.0/WillCall/GetReservationStatus/{serial}"))
        .await
        .json();
    assert!(v2
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["reserveLockerId"] == id.as_str()));
    assert!(!ints(
        &env.get(&format!(
            "/api/2.0/WillCall/GetReservableSelections/{serial}"
        ))
        .await
        .json()
    )
    .contains(&free[0]));

    // L4 on the same id.
    let r = env
        .call(
            reqwest::Method::POST,
            &format!("/api/WillCall/SendNewCode/{}", id.to_uppercase()),
            None,
        )
        .await;
    assert_eq!(ok_result(&r)["accessCodes"].as_array().unwrap().len(), 2);

    // L5 is flat.
    let v = env
        .get(&format!("/api/WillCall/GetReservedLockerReport?serialNumber={serial}&fromDate={}&toDate={}&pageNumber=1&pageSize=20", today(), today()))
        .await
        .json();
    assert_eq!(
        keys(&v),
        sorted(&[
            "machineName",
            "accountName",
            "locationName",
            "hasNextPage",
            "totalPages",
            "reservationDetails"
        ])
    );
    assert_eq!(v["reservationDetails"].as_array().unwrap().len(), 2);
    assert_eq!(v["reservationDetails"][1]["role"], "Pick Up");

    // L6 with countryCode; then its failure is a 500 exception.
    let mut body = assignee("L1", "DropOff");
    body["countryCode"] = json!("US");
    let r = env
        .post(
            &format!("/api/WillCall/RecallReservation?reservationLockerId={id}"),
            body.clone(),
        )
        .await;
    assert_eq!(
        ok_result(&r)["message"],
        "Reservation Recalled Successfully"
    );
    let r = env
        .post(
            &format!("/api/WillCall/RecallReservation?reservationLockerId={id}"),
            body,
        )
        .await;
    assert_exception(&r, 500, "Invalid Operation!");
    assert!(r.json().get("result").is_none());
    assert!(ints(
        &env.get(&format!(
            "/api/2.0/WillCall/GetReservableSelections/{serial}"
        ))
        .await
        .json()
    )
    .contains(&free[0]));
}
