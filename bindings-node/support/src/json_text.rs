//! camelCase JSON text written straight from a model's `Serialize`: the output path of the Node
//! binding (see [`crate::case::to_camel_json`]).
//!
//! Why this exists: the first version wrapped `serde_json::Serializer` in a renaming adapter,
//! which cost some 2.3× plain serde_json on the 216 KB transaction page (every field went
//! through two layers of generic wrappers, a thread-local lookup of its new name and serde_json's
//! escaping of that name). Here the structure (objects, arrays, commas, field names) is written
//! directly, each field name as its pre-rendered `"camelName":` bytes from a per-call table, and
//! every leaf value (strings, numbers, bytes) is written by serde_json itself on the same buffer,
//! so the text is byte for byte what the adapter wrote (a unit test compares both).

use std::collections::HashMap;
use std::io::Write;

use serde::ser::{self, Error as _, Serialize, Serializer};

type Error = serde_json::Error;
type Res = std::result::Result<(), Error>;

/// Pre-rendered `"camelName":` of each struct field name, by the name's address (serde hands
/// over the same `&'static str` every time).
pub(crate) type Names = HashMap<(usize, usize), &'static [u8], rustc_hash::FxBuildHasher>;

/// `"camelName":` of `name`, computed once per name and process (the set of field names is
/// small and fixed, so the leaked text is bounded).
fn render(name: &'static str) -> &'static [u8] {
    use std::sync::{OnceLock, RwLock};
    static RENDERED: OnceLock<RwLock<HashMap<&'static str, &'static [u8]>>> = OnceLock::new();
    let all = RENDERED.get_or_init(Default::default);
    if let Some(found) = all.read().unwrap_or_else(|p| p.into_inner()).get(name) {
        return found;
    }
    let mut all = all.write().unwrap_or_else(|p| p.into_inner());
    if let Some(found) = all.get(name) {
        return found;
    }
    let mut text =
        serde_json::to_vec(&crate::case::snake_to_camel(name)).expect("a str serializes");
    text.push(b':');
    let text: &'static [u8] = Box::leak(text.into_boxed_slice());
    all.insert(name, text);
    text
}

/// Writes JSON text into `out`, struct field names in camelCase.
pub(crate) struct Writer<'a> {
    pub(crate) out: &'a mut Vec<u8>,
    pub(crate) names: &'a mut Names,
}

impl Writer<'_> {
    fn json(&mut self) -> serde_json::Serializer<&mut Vec<u8>> {
        serde_json::Serializer::new(&mut *self.out)
    }

    fn key(&mut self, name: &'static str) -> &'static [u8] {
        let address = (name.as_ptr() as usize, name.len());
        if let Some(found) = self.names.get(&address) {
            return found;
        }
        let text = render(name);
        self.names.insert(address, text);
        text
    }
}

/// An object or array being written; `first` until its first member.
pub(crate) struct Compound<'w, 'a> {
    w: &'w mut Writer<'a>,
    first: bool,
    /// What closes it: `]`, `}`, or `]}` / `}}` for an enum variant's wrapper.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(b',');
        }
    }
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        self.comma();
        v.serialize(&mut *self.w)
    }
    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, v: &T) -> Res {
        self.comma();
        let key = self.w.key(name);
        self.w.out.extend_from_slice(key);
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Res {
        self.w.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'w, 'a> Writer<'a> {
    fn open(&'w mut self, open: &[u8], close: &'static [u8]) -> Compound<'w, 'a> {
        self.out.extend_from_slice(open);
        Compound {
            w: self,
            first: true,
            close,
        }
    }
    /// `{"variant":` before an enum variant's content (serde_json's externally tagged form).
    fn variant(&mut self, variant: &str) -> Res {
        self.out.push(b'{');
        self.json().serialize_str(variant)?;
        self.out.push(b':');
        Ok(())
    }
}

macro_rules! leaf {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method(self, v: $ty) -> Res {
            self.json().$method(v)
        }
    )*};
}

impl<'w, 'a> Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    leaf! {
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
    }

    fn serialize_bool(self, v: bool) -> Res {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_none(self) -> Res {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Res {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Res {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Res {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Res {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Res {
        self.variant(variant)?;
        v.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.variant(variant)?;
        Ok(self.open(b"[", b"]}"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.variant(variant)?;
        Ok(self.open(b"{", b"}}"))
    }
}

macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
                self.element(v)
            }
            fn end(self) -> Res {
                Compound::end(self)
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, v: &T) -> Res {
                self.field(name, v)
            }
            fn end(self) -> Res {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    /// Map keys are data and keep their spelling; as in serde_json, a key is written as a
    /// string (numbers and booleans quoted) and any other kind is refused.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Res {
        self.comma();
        // serde_json's own key rules, by serializing a one-entry map and keeping its key.
        let mut one = Vec::new();
        {
            let mut json = serde_json::Serializer::new(&mut one);
            let mut map = json.serialize_map(Some(1))?;
            ser::SerializeMap::serialize_key(&mut map, k)?;
        }
        let key = one.get(1..).ok_or_else(|| Error::custom("map key"))?;
        self.w.out.write_all(key).map_err(Error::io)?;
        self.w.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Res {
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Res {
        Compound::end(self)
    }
}
