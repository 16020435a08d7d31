//! `client.machines`: one machine's planogram, pages of machines, auto-pager.

use napi::bindgen_prelude::{Object, Unknown};
use napi::Env;
use napi_derive::napi;

use crate::convert::{input, output, required};
use crate::employees::ListOptions;
use crate::pagination::{IterOptions, NativePager};
use crate::promise::{promise, sync};

/// Machine and planogram operations (`client.machines`).
#[napi]
pub struct Machines {
    pub(crate) client: iqtech::Client,
}

#[napi]
impl Machines {
    /// One machine with its planogram, by WTN serial number; `null` when the server has none.
    #[napi(ts_return_type = "Promise<MachinePlanogram | null>")]
    pub fn planogram<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "string")] serial_no: Unknown<'_>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let serial = required::<String>(&serial_no, "serialNo");
        promise(
            env,
            serial.map(|s| async move { output(&c.machines().planogram(&s).await?) }),
        )
    }

    /// One page of machines with their planograms.
    #[napi(ts_return_type = "Promise<MachinePage>")]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "ListOptions")] options: Option<Unknown<'_>>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let opts = input::<ListOptions>(options.as_ref(), "options");
        promise(
            env,
            opts.map(|o| async move {
                let (page, size) = o.resolve();
                output(&c.machines().list(page, size).await?)
            }),
        )
    }

    /// Every machine, lazily and in order.
    #[napi(ts_return_type = "Pager<MachinePlanogram>")]
    pub fn iter(
        &self,
        env: Env,
        #[napi(ts_arg_type = "IterOptions")] options: Option<Unknown<'_>>,
    ) -> napi::Result<NativePager> {
        let stream = input::<IterOptions>(options.as_ref(), "options").and_then(|o| {
            self.client
                .machines()
                .iter_pages(o.page_size, o.concurrency.map(|c| c as usize))
        });
        Ok(NativePager::new(sync(&env, stream)?))
    }
}
