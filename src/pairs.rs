//! A mapping kept in its written order, as a list of pairs, for serde: the
//! answers of a session and the meanings of its questions are written as
//! YAML mappings and read back in the same order.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserializer, Serialize, Serializer};

/// Write `pairs` as a mapping, in order.
pub fn serialize<S: Serializer, V: Serialize>(
    pairs: &[(String, V)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(pairs.len()))?;
    for (key, value) in pairs {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

/// Read a mapping (or nothing: an empty one) as pairs, in order.
pub fn deserialize<'de, D: Deserializer<'de>, V: DeserializeOwned>(
    deserializer: D,
    expecting: &'static str,
) -> Result<Vec<(String, V)>, D::Error> {
    struct Pairs<V>(&'static str, PhantomData<V>);
    impl<'de, V: DeserializeOwned> Visitor<'de> for Pairs<V> {
        type Value = Vec<(String, V)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry()? {
                out.push((k, v));
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Pairs(expecting, PhantomData))
}
