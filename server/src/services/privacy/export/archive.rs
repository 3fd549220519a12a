//! The export archive, written as it is built: a ZIP compressed on the fly (with data
//! descriptors, so it needs no seeking) into pieces of [`CHUNK_SIZE`] that go to
//! `data_export_chunks` as soon as they fill. Memory holds one piece and the compressor's
//! window, whatever the archive's size.

use std::{
    io::Write,
    sync::{Arc, Mutex},
};

use chrono::{DateTime, Datelike, Timelike, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use zip::{
    CompressionMethod, ZipWriter,
    write::{SimpleFileOptions, StreamWriter},
};

use crate::entity::data_export_chunk;

/// The size of a stored piece of an archive.
pub const CHUNK_SIZE: usize = 256 * 1024;
/// The layout of the archive, as `manifest.json` states it.
pub const FORMAT_VERSION: u32 = 1;

/// What the ZIP writer writes into: a buffer the builder empties into the database.
#[derive(Clone, Default)]
struct Spill(Arc<Mutex<Vec<u8>>>);

impl Spill {
    /// Takes the pieces that are full (all of it when `everything`).
    fn take(&self, everything: bool) -> Vec<Vec<u8>> {
        let mut buffer = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut pieces = Vec::new();
        while buffer.len() >= CHUNK_SIZE {
            let rest = buffer.split_off(CHUNK_SIZE);
            pieces.push(std::mem::replace(&mut *buffer, rest));
        }
        if everything && !buffer.is_empty() {
            pieces.push(std::mem::take(&mut *buffer));
        }
        pieces
    }
}

impl Write for Spill {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let mut buffer = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        buffer.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// One file of the archive, as the manifest lists it.
#[derive(Serialize)]
struct ManifestEntry {
    name: String,
    size: u64,
    sha256: String,
}

/// `manifest.json`.
#[derive(Serialize)]
struct Manifest<'a> {
    format_version: u32,
    generated_at: DateTime<Utc>,
    account_id: Uuid,
    files: &'a [ManifestEntry],
}

/// The file being written: its name, hash and size so far.
struct Current {
    name: String,
    hash: Sha256,
    size: u64,
}

/// Where the pieces of build `build` of request `request_id` go.
struct Pieces {
    db: DatabaseConnection,
    request_id: Uuid,
    build: i32,
    spill: Spill,
    next_seq: i32,
    written: u64,
}

impl Pieces {
    /// Moves the full pieces (all, at the end) into the database.
    async fn store(&mut self, everything: bool) -> anyhow::Result<()> {
        for data in self.spill.take(everything) {
            self.written += data.len() as u64;
            let row = data_export_chunk::ActiveModel {
                request_id: Set(self.request_id),
                build: Set(self.build),
                seq: Set(self.next_seq),
                data: Set(data),
            };
            data_export_chunk::Entity::insert(row)
                .exec_without_returning(&self.db)
                .await?;
            self.next_seq += 1;
        }
        Ok(())
    }
}

/// An archive being written into build `build` of request `request_id`.
pub struct ArchiveWriter {
    account_id: Uuid,
    generated_at: DateTime<Utc>,
    zip: ZipWriter<StreamWriter<Spill>>,
    pieces: Pieces,
    current: Option<Current>,
    files: Vec<ManifestEntry>,
}

impl ArchiveWriter {
    /// A new, empty archive of `account_id`'s data, dated `generated_at`.
    pub fn new(
        db: DatabaseConnection,
        request_id: Uuid,
        build: i32,
        account_id: Uuid,
        generated_at: DateTime<Utc>,
    ) -> Self {
        let spill = Spill::default();
        Self {
            account_id,
            generated_at,
            zip: ZipWriter::new_stream(spill.clone()),
            pieces: Pieces {
                db,
                request_id,
                build,
                spill,
                next_seq: 0,
                written: 0,
            },
            current: None,
            files: Vec::new(),
        }
    }

    /// Starts file `name` (ending the one before).
    pub async fn start(&mut self, name: &str) -> anyhow::Result<()> {
        self.end_current();
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip_time(self.generated_at))
            .unix_permissions(0o644);
        self.zip.start_file(name, options)?;
        self.current = Some(Current {
            name: name.to_string(),
            hash: Sha256::new(),
            size: 0,
        });
        self.pieces.store(false).await
    }

    /// Appends `data` to the current file.
    pub async fn write(&mut self, data: &[u8]) -> anyhow::Result<()> {
        let current = self
            .current
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!("no file started"))?;
        current.hash.update(data);
        current.size += data.len() as u64;
        self.zip.write_all(data)?;
        self.pieces.store(false).await
    }

    /// A whole file of JSON.
    pub async fn json(&mut self, name: &str, value: &impl Serialize) -> anyhow::Result<()> {
        let data = serde_json::to_vec_pretty(value)?;
        self.start(name).await?;
        self.write(&data).await
    }

    /// Writes `manifest.json` and the end of the archive; answers the archive's size.
    pub async fn finish(mut self) -> anyhow::Result<u64> {
        self.end_current();
        let manifest = Manifest {
            format_version: FORMAT_VERSION,
            generated_at: self.generated_at,
            account_id: self.account_id,
            files: &self.files,
        };
        let data = serde_json::to_vec_pretty(&manifest)?;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip_time(self.generated_at))
            .unix_permissions(0o644);
        self.zip.start_file("manifest.json", options)?;
        self.zip.write_all(&data)?;
        self.zip.finish()?;
        self.pieces.store(true).await?;
        Ok(self.pieces.written)
    }

    fn end_current(&mut self) {
        if let Some(current) = self.current.take() {
            self.files.push(ManifestEntry {
                name: current.name,
                size: current.size,
                sha256: hex::encode(current.hash.finalize()),
            });
        }
    }
}

/// `at` as a ZIP time stamp (whole seconds rounded down to even ones, UTC).
fn zip_time(at: DateTime<Utc>) -> zip::DateTime {
    let year = u16::try_from(at.year()).unwrap_or(1980);
    zip::DateTime::from_date_and_time(
        year,
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .unwrap_or_default()
}
