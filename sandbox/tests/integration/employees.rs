use serde_json::json;

use crate::common::{assert_error, assert_problem, keys, ok_result, sorted, Env};

#[tokio::test]
async fn list_pages_with_metadata() {
    let env = Env::small().await; // 30 employees
    let r = ok_result(&env.get("/api/Employee?pageSize=20&page=1").await);
    let items = r["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    assert_eq!(
        keys(&items[0]),
        sorted(&[
            "firstName",
            "lastName",
            "employeeNumber",
            "badge",
            "language",
            "active",
            "department"
        ])
    );
    assert!(items
        .iter()
        .all(|i| ["English", "Spanish", "French"].contains(&i["language"].as_str().unwrap())));
    assert_eq!(items[0]["employeeNumber"], "1000");
    let m = &r["metaData"];
    assert_eq!(
        keys(m),
        sorted(&[
            "firstItemOnPage",
            "hasNextPage",
            "hasPreviousPage",
            "isFirstPage",
            "isLastPage",
            "lastItemOnPage",
            "pageCount",
            "pageNumber",
            "pageSize",
            "totalItemCount",
            "thisPageItemCount",
            "itemStart",
            "itemEnd"
        ])
    );
    assert_eq!(m["totalItemCount"], 30);
    assert_eq!(m["pageCount"], 2);
    assert_eq!(m["hasNextPage"], true);
    assert_eq!(m["isFirstPage"], true);
    assert_eq!(m["lastItemOnPage"], 20);

    let r = ok_result(&env.get("/api/Employee?pageSize=20&page=2").await);
    let m = &r["metaData"];
    assert_eq!(r["items"].as_array().unwrap().len(), 10);
    assert_eq!(
        (m["itemStart"].as_u64(), m["itemEnd"].as_u64()),
        (Some(21), Some(30))
    );
    assert_eq!(
        (
            m["isLastPage"].as_bool(),
            m["hasNextPage"].as_bool(),
            m["hasPreviousPage"].as_bool()
        ),
        (Some(true), Some(false), Some(true))
    );
    assert_eq!(m["thisPageItemCount"], 10);

    // A page past the end is an empty answer: `result: null` under this dialect.
    let r = ok_result(&env.get("/api/Employee?pageSize=20&page=3").await);
    assert!(r.is_null(), "{r}");

    let r = ok_result(&env.get("/api/Employee?pageSize=100").await);
    assert_eq!(r["items"].as_array().unwrap().len(), 30);
    assert_error(
        &env.get("/api/Employee?pageSize=101").await,
        400,
        400,
        "Page size must be between 1 and 100",
    );
    assert_error(
        &env.get("/api/Employee?page=0").await,
        400,
        400,
        "Page number must be 1 or greater",
    );
    assert_problem(&env.get("/api/Employee?page=abc").await, "page");
}

#[tokio::test]
async fn create_lookup_update_status_pin() {
    let env = Env::small().await;
    let body = json!({
        "department": "Assembly", "firstName": "Ada", "lastName": "Lovelace", "employeeNumber": "E-77",
        "email": "ada@example.com", "badge": "4242", "language": 2, "active": true
    });
    let r = env.post("/api/Employee", body.clone()).await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(
        keys(&v),
        sorted(&["isSuccess", "success", "errors", "error", "exception"])
    );
    assert_eq!(v["isSuccess"], true);

    let dup = env.post("/api/Employee", body).await;
    assert_error(&dup, 500, 500, "Employee number already exists!");
    assert_problem(
        &env.post(
            "/api/Employee",
            json!({"firstName": "x", "lastName": "y", "employeeNumber": "1"}),
        )
        .await,
        "Department",
    );
    assert_problem(
        &env.call(reqwest::Method::POST, "/api/Employee", None).await,
        "",
    );

    // Lookup: richer shape, language as an integer.
    let r = env.get("/api/Employee/lookup?employeeNumber=E-77").await;
    let v = r.json();
    assert_eq!(v["errorStatusVal"], 0);
    let found = ok_result(&r);
    let e = &found[0];
    assert_eq!(e["language"], 2);
    assert_eq!(e["languageDescription"], "French");
    assert_eq!(e["accountName"], "Sandbox Account :)");
    for k in [
        "activeStatus",
        "employeeIds",
        "separatesave",
        "ignoreFingerPrintString",
    ] {
        assert!(e[k].is_null());
    }
    assert_eq!(e["isVTAdmin"], false);
    assert_eq!(
        ok_result(
            &env.get("/api/Employee/lookup?firstName=ada&lastName=LOVELACE&active=true")
                .await
        )
        .as_array()
        .unwrap()
        .len(),
        1
    );
    let none = env.get("/api/Employee/lookup?badgeNumber=nope").await;
    assert_error(&none, 400, 400, "No employees found matching the query.");
    assert_eq!(none.json()["errorStatusVal"], 0);
    assert!(none.json()["result"].is_null());

    // Update (renumber) through the path of the old number.
    let r = env
        .put(
            "/api/Employee/E-77",
            json!({"employeeNumber": "E-78", "department": "Quality", "language": 0}),
        )
        .await;
    assert_eq!(ok_result(&r), serde_json::Value::Null);
    let e = ok_result(&env.get("/api/Employee/lookup?employeeNumber=E-78").await)[0].clone();
    assert_eq!(
        (
            e["department"].as_str(),
            e["firstName"].as_str(),
            e["language"].as_i64()
        ),
        (Some("Quality"), Some("Ada"), Some(0))
    );
    assert_error(
        &env.get("/api/Employee/lookup?employeeNumber=E-77").await,
        400,
        400,
        "No employees found matching the query.",
    );
    assert_error(
        &env.put("/api/Employee/E-77", json!({"firstName": "x"}))
            .await,
        400,
        500,
        "Invalid employee number",
    );
    assert_error(
        &env.put("/api/Employee/E-78", json!({"employeeNumber": "1000"}))
            .await,
        500,
        500,
        "Employee number already exists!",
    );

    // Status.
    assert_eq!(
        env.put(
            "/api/Employee/UpdateEmployeeStatus",
            json!({"employeeNumber": "E-78", "active": false})
        )
        .await
        .status,
        200
    );
    assert_eq!(
        ok_result(&env.get("/api/Employee/lookup?employeeNumber=E-78").await)[0]["active"],
        false
    );
    assert_error(
        &env.put(
            "/api/Employee/UpdateEmployeeStatus",
            json!({"employeeNumber": "nobody", "active": true}),
        )
        .await,
        400,
        400,
        "Invalid Employee Number",
    );

    // PIN: first set needs no old PIN, then the old one must match.
    let pin = |old: &str, new: &str| json!({"accountId": "1", "employeeNumber": "E-78", "oldPin": old, "pin": new, "emplid": ""});
    assert_eq!(
        env.post("/api/Employee/UpdateEmployeeSetPin", pin("", "1234"))
            .await
            .status,
        200
    );
    assert_eq!(env.sb.employee_pin("E-78").as_deref(), Some("1234"));
    let wrong = env
        .post("/api/Employee/UpdateEmployeeSetPin", pin("9999", "5678"))
        .await;
    assert_error(&wrong, 400, 500, "Invalid Old Pin");
    assert!(wrong.json()["exception"].is_null());
    assert_eq!(
        env.post("/api/Employee/UpdateEmployeeSetPin", pin("1234", "5678"))
            .await
            .status,
        200
    );
    assert_eq!(env.sb.employee_pin("E-78").as_deref(), Some("5678"));
    assert_error(
        &env.post("/api/Employee/UpdateEmployeeSetPin", pin("5678", "12"))
            .await,
        400,
        400,
        "Invalid Pin: a PIN is 4 to 10 digits",
    );

    // The new employee shows up at the end of the list.
    let r = ok_result(&env.get("/api/Employee?pageSize=100").await);
    assert_eq!(r["metaData"]["totalItemCount"], 31);
    assert_eq!(r["items"][30]["employeeNumber"], "E-78");
    assert_eq!(r["items"][30]["language"], "English");
}
