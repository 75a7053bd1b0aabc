//! The integrity checks of a package's first pass: structMap references that resolve, and every
//! declared file present with its declared `SIZE` and `CHECKSUM`, hashed while streamed.

use super::mets::{Declared, Mets, Ref};
use super::store::Store;
use super::{Pkg, ReadError};
use crate::catalogue::model::Warning;
use sha2::{Digest, Sha256, Sha512};
use std::io::{self, Read};

impl Pkg {
    /// Every `DMDID` and `FILEID` of a METS must name a section of the same METS.
    pub(super) fn check_refs(&self, rel: &str, m: &Mets) -> Result<(), ReadError> {
        for r in &m.refs {
            let (attr, id, line, section, known) = match r {
                Ref::Dmd(id, line) => ("DMDID", id, line, "dmdSec", &m.dmd),
                Ref::File(id, line) => ("FILEID", id, line, "file trong fileSec", &m.files),
            };
            if !known.iter().any(|d| d.id == *id) {
                return Err(self.structure(
                    rel,
                    Some(*line),
                    format!(
                        "{attr}=\"{id}\" không trỏ tới {section} nào của tệp này — sửa structMap \
                         hoặc đóng gói lại"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A declared file is present with its declared size and checksum.
    pub(super) fn verify(
        &self,
        store: &mut Store,
        mets: &str,
        d: &Declared,
        warnings: &mut Vec<Warning>,
    ) -> Result<(), ReadError> {
        let missing = || ReadError::PackageMissing {
            file: self.name.clone(),
            inner: d.path.clone(),
            mets: mets.to_string(),
        };
        let size = store
            .size(&d.path)
            .map_err(|e| self.io(&d.path, e))?
            .ok_or_else(missing)?;
        if let Some(declared) = d.size
            && declared != size
        {
            return Err(ReadError::PackageSize {
                file: self.name.clone(),
                inner: d.path.clone(),
                mets: mets.to_string(),
                declared,
                found: size,
            });
        }
        let Some(expected) = &d.checksum else {
            warnings.push(self.warning(
                d.line,
                "CHECKSUM",
                format!(
                    "{mets} không khai báo CHECKSUM cho {}: không kiểm tra được tệp có bị thay đổi không",
                    d.path
                ),
            ));
            return Ok(());
        };
        let kind = d.checksum_type.as_deref().unwrap_or("SHA-256");
        let digest = match kind.to_ascii_uppercase().replace('-', "").as_str() {
            "SHA256" => store.with_reader(&d.path, hash::<Sha256>),
            "SHA512" => store.with_reader(&d.path, hash::<Sha512>),
            _ => {
                warnings.push(self.warning(
                    d.line,
                    "CHECKSUMTYPE",
                    format!(
                        "{mets}: CHECKSUMTYPE=\"{kind}\" của {} không được hỗ trợ (chỉ SHA-256, SHA-512): \
                         tệp không được kiểm tra",
                        d.path
                    ),
                ));
                return Ok(());
            }
        };
        let digest = digest
            .map_err(|e| self.io(&d.path, e))?
            .ok_or_else(missing)?;
        if !digest.eq_ignore_ascii_case(expected.trim()) {
            return Err(ReadError::PackageChecksum {
                file: self.name.clone(),
                inner: d.path.clone(),
                mets: mets.to_string(),
                kind: kind.to_string(),
            });
        }
        Ok(())
    }
}

/// Streams a file through a digest; the lowercase hex.
fn hash<D: Digest>(r: &mut dyn Read) -> io::Result<String> {
    let mut digest = D::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            return Ok(hex::encode(digest.finalize()));
        }
        digest.update(&buf[..n]);
    }
}
