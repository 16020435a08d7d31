//! `client.transactions`: one page of the report, auto-pager.

use napi::bindgen_prelude::{Object, Unknown};
use napi::Env;
use napi_derive::napi;

use crate::convert::{input, options_json, output};
use crate::pagination::{take_concurrency, NativePager};
use crate::promise::{promise, sync};

/// The transaction report (`client.transactions`).
#[napi]
pub struct Transactions {
    pub(crate) client: iqtech::Client,
}

#[napi]
impl Transactions {
    /// One page of the report; dates inclusive (`Date` or `'YYYY-MM-DD'`).
    #[napi(ts_return_type = "Promise<TransactionPage>")]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "TransactionQuery")] query: Option<Unknown<'_>>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let query = input::<iqtech::TransactionQuery>(query.as_ref(), "query");
        promise(
            env,
            query.map(|q| async move { output(&c.transactions().list(q).await?) }),
        )
    }

    /// Every transaction matching the filters, lazily and in order (`page` is ignored).
    #[napi(ts_return_type = "Pager<Transaction>")]
    pub fn iter(
        &self,
        env: Env,
        #[napi(ts_arg_type = "TransactionQuery & { concurrency?: number | null }")] query: Option<
            Unknown<'_>,
        >,
    ) -> napi::Result<NativePager> {
        let stream = options_json(query.as_ref(), "query")
            .and_then(take_concurrency)
            .and_then(|(json, conc)| {
                let q = iqtech::case::from_camel_value::<iqtech::TransactionQuery>(json, "query")?;
                self.client.transactions().iter_pages(q, conc)
            });
        Ok(NativePager::new(sync(&env, stream)?))
    }
}
