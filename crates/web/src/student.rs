//! The learner's session: who is learning, their workbook, and keeping both safe in
//! storage. Every change to a workbook goes through [`StudentSession::update`], which
//! merges what another tab saved, saves, and only then shows the change, so an
//! answer is stored before its feedback appears.

use super::browser;
use super::device::{Device, Notice};
use super::library::{loaded_shelves, offered_courses, CourseChoice, Fetch, Shelf};
use super::storage::{SaveError, Store};
use super::text;
use leptos::prelude::*;
use masterly_core::content::curriculum::Curriculum;
use masterly_core::content::rng::FastSet;
use masterly_core::device::compact::{id_prefix, numbered_id, sitting_id};
use masterly_core::device::profiles::{
    learner_id, ProfileError, Profiles, PROFILES_KEY, PROFILES_KIND,
};
use masterly_core::device::room::Room;
use masterly_core::device::route::Route;
use masterly_core::device::workbook::{
    archive_from_stored, archive_key, archive_to_stored, chunk_key, chunk_prefix, local_day,
    workbook_key, ActivityMeter, Exported, Place, Workbook, ARCHIVE_AFTER, ARCHIVE_KIND,
    WORKBOOK_KIND,
};
use masterly_core::format::progress::CurriculumRef;
use masterly_core::learning::attempt::{merge_logs, Attempt};
use masterly_core::learning::plan::{plan_sitting, PlanRequest};
use masterly_core::learning::replay::{replay, Replay};
use masterly_core::time::MINUTE_MS;
use masterly_text::Say;
use std::sync::Arc;

/// The student's page: who is learning, their workbook, and the active time being
/// measured, over the [`Device`] both pages share.
#[derive(Clone, Copy)]
pub struct StudentSession {
    pub device: Device,
    pub profiles: RwSignal<Profiles>,
    /// The current learner's workbook for the chosen curriculum.
    pub workbook: RwSignal<Option<Workbook>>,
    meter: StoredValue<ActivityMeter>,
    /// Active milliseconds on the item on screen, for its attempt's active seconds.
    item_active_ms: StoredValue<i64>,
    /// Active milliseconds not yet added to the workbook.
    unsaved_active_ms: StoredValue<i64>,
    /// The workbook key and the ids of the attempts its archive holds, as this tab
    /// last read or wrote it.
    archived: StoredValue<Option<(String, FastSet<String>)>>,
    /// The storage refused an archive on this page; the workbook key keeps all.
    archive_refused: StoredValue<bool>,
    /// This page's beginning of attempt ids, and how many attempts it has made.
    attempt_ids: StoredValue<(String, u64)>,
    /// The single archive kept before chunks is stored beside the open workbook:
    /// the next save moves it into a chunk.
    archive_outdated: StoredValue<bool>,
    /// Archive chunks this page has written.
    chunks_written: StoredValue<u64>,
}

impl StudentSession {
    /// A session over the browser's local storage (memory when it is blocked).
    pub fn new() -> Self {
        StudentSession::with_store(Store::open_browser())
    }

    pub fn with_store(store: Store) -> Self {
        StudentSession::on(Device::with_store(store))
    }

    /// A session on this device, with the learners stored there.
    pub fn on(device: Device) -> Self {
        let session = StudentSession {
            device,
            profiles: RwSignal::new(Profiles::default()),
            workbook: RwSignal::new(None),
            meter: StoredValue::new(ActivityMeter::new(browser::now())),
            item_active_ms: StoredValue::new(0),
            unsaved_active_ms: StoredValue::new(0),
            archived: StoredValue::new(None),
            archive_refused: StoredValue::new(false),
            attempt_ids: StoredValue::new((id_prefix(browser::random_u64()), 0)),
            archive_outdated: StoredValue::new(false),
            chunks_written: StoredValue::new(0),
        };
        session.load_profiles();
        session
    }

    /// A session in memory holding these curricula: for browser tests.
    pub fn with_curricula(curricula: Vec<Arc<Curriculum>>) -> Self {
        StudentSession::with_shelves(loaded_shelves(curricula))
    }

    /// A session in memory with this library: for browser tests.
    pub fn with_shelves(shelves: Vec<Shelf>) -> Self {
        let session = StudentSession::on(Device::in_memory());
        session.set_curricula(shelves);
        session
    }

    /// Makes these (bundled) curricula and those opened from files on this device
    /// the library, and opens the current learner's course.
    pub fn set_curricula(&self, bundled: Vec<Shelf>) {
        self.device.set_library(bundled);
        self.open_current_learner();
    }

    /// Fetches the catalog, and the curricula it gives no listing for, from the
    /// app's own files, then opens the current learner's course. A listed
    /// curriculum is fetched when a course of it is opened.
    pub fn load_bundled_curricula(&self) {
        let session = *self;
        self.device.fetch_library(Fetch::Unlisted, move |shelves| {
            session.set_curricula(shelves)
        });
    }

    /// The curriculum of the open workbook.
    pub fn curriculum(&self) -> Option<Arc<Curriculum>> {
        let id = self.workbook.with(|workbook| {
            workbook
                .as_ref()
                .map(|workbook| workbook.curriculum.id.clone())
        })?;
        self.device.find_curriculum(&id)
    }

    fn stored_profiles(&self) -> Option<Profiles> {
        self.device.stored_profiles()
    }

    fn load_profiles(&self) {
        if self.device.storage_blocked() {
            self.device.notify(Notice {
                text: text::STORAGE_BLOCKED.to_string(),
                download: None,
                offer_export: true,
            });
        }
        self.profiles
            .set(self.stored_profiles().unwrap_or_default());
    }

    pub(crate) fn save_profiles(&self, profiles: &Profiles) {
        // Learners added in another tab are kept.
        let mut merged = profiles.clone();
        if let Some(stored) = self.stored_profiles() {
            merged.merge_from(&stored);
        }
        let _ = self
            .device
            .save_text(PROFILES_KEY, PROFILES_KIND, &merged.to_stored());
        self.profiles.set(merged);
    }

    pub fn add_learner(&self, nickname: &str) -> Result<(), ProfileError> {
        let mut profiles = self.profiles.get_untracked();
        profiles.add(nickname, learner_id(browser::random_u64()))?;
        self.save_profiles(&profiles);
        self.open_current_learner();
        Ok(())
    }

    pub fn select_learner(&self, learner_id: &str) {
        let mut profiles = self.profiles.get_untracked();
        if profiles.select(learner_id) {
            self.save_profiles(&profiles);
            self.open_current_learner();
        }
    }

    /// Whether the learner signed in now stays signed in when the browser closes.
    pub fn keep_signed_in(&self, keep: bool) {
        let mut profiles = self.profiles.get_untracked();
        if profiles.current().is_some_and(|p| p.keep_signed_in != keep) {
            profiles.keep_signed_in(keep);
            self.save_profiles(&profiles);
        }
    }

    /// The browser was closed since the last visit: on a shared computer the next
    /// student is asked who is learning, unless the one signed in chose to stay.
    pub fn browser_reopened(&self) {
        let mut profiles = self.profiles.get_untracked();
        if profiles.browser_reopened() {
            self.save_profiles(&profiles);
            self.workbook.set(None);
        }
    }

    /// Back to the start screen, so the next student can pick their name.
    pub fn sign_out(&self) {
        self.flush_activity();
        let mut profiles = self.profiles.get_untracked();
        profiles.sign_out();
        self.save_profiles(&profiles);
        self.workbook.set(None);
    }

    /// Opens the current learner's workbook for the curriculum they last used (or
    /// the first one), once the curricula are loaded; a bundled curriculum not
    /// fetched yet is fetched first.
    pub(crate) fn open_current_learner(&self) {
        let shelves = untrack(|| self.device.shelves());
        let Some(profile) = self.profiles.get_untracked().current().cloned() else {
            self.workbook.set(None);
            return;
        };
        let shelf = profile
            .curriculum
            .as_deref()
            .and_then(|id| shelves.iter().find(|shelf| shelf.id() == id))
            .or_else(|| shelves.first());
        match shelf {
            None => {}
            Some(Shelf::Loaded(curriculum)) => {
                self.open_workbook(&profile.learner, &curriculum.id, None)
            }
            Some(Shelf::Listed(listing)) => {
                let session = *self;
                self.device
                    .load_listed(&listing.id, move || session.open_current_learner())
            }
        }
    }

    /// The workbook as stored, with the attempts of its archive, if there is one.
    fn stored_workbook(&self, learner_id: &str, curriculum_id: &str) -> Option<Workbook> {
        let (workbook, archive) = self.stored_parts(learner_id, curriculum_id);
        workbook.map(|workbook| with_archive(workbook, archive))
    }

    /// What is stored for a workbook: the workbook key's copy, if it reads, and the
    /// attempts of its archive.
    fn stored_parts(
        &self,
        learner_id: &str,
        curriculum_id: &str,
    ) -> (Option<Workbook>, Vec<Attempt>) {
        let key = workbook_key(learner_id, curriculum_id);
        let archive = self.stored_archive(&key);
        let Some(text) = self
            .device
            .load_text(&key, WORKBOOK_KIND, text::SAVED_PROGRESS)
        else {
            return (None, archive);
        };
        match Workbook::from_stored(&text, learner_id, curriculum_id) {
            Ok(workbook) => (Some(workbook), archive),
            Err(problem) => {
                self.notify_unreadable(&key, &problem.say(), text);
                (None, archive)
            }
        }
    }

    /// The attempts archived beside a workbook key — in its chunks, and in the
    /// single archive a Masterly before chunks kept — remembered as the archive
    /// this tab knows. A chunk that does not open is reported (its text offered for
    /// download) and the others still count.
    fn stored_archive(&self, key: &str) -> Vec<Attempt> {
        let legacy = archive_key(key);
        let mut keys = self
            .device
            .store
            .with_value(|store| store.keys_starting(&chunk_prefix(key)));
        keys.push(legacy.clone());
        let mut attempts = Vec::new();
        let mut in_chunks = FastSet::default();
        let mut outdated = false;
        for archive in keys {
            let Some(text) = self
                .device
                .load_text(&archive, ARCHIVE_KIND, text::SAVED_PROGRESS)
            else {
                continue;
            };
            match archive_from_stored(&text) {
                Ok(log) => {
                    // The single archive kept before chunks is moved into a chunk: its
                    // attempts do not count as archived until then.
                    if archive == legacy {
                        outdated = true;
                    } else {
                        in_chunks.extend(log.iter().map(|attempt| attempt.id.clone()));
                    }
                    attempts = merge_logs(&attempts, &log).0;
                }
                Err(problem) => self.notify_unreadable(&archive, &problem.say(), text),
            }
        }
        self.archive_outdated.set_value(outdated);
        self.archived.set_value(Some((key.to_string(), in_chunks)));
        attempts
    }

    fn notify_unreadable(&self, key: &str, problem: &str, text: String) {
        self.device.notify(Notice {
            text: text::unreadable(text::SAVED_PROGRESS, problem),
            download: Some((format!("{key}.damaged.txt"), text)),
            offer_export: false,
        });
    }

    /// Works with the ids of the attempts in the archive beside `key`, as this tab
    /// knows it.
    fn with_archived_ids<T>(&self, key: &str, work: impl FnOnce(&FastSet<String>) -> T) -> T {
        self.archived.with_value(|archived| match archived {
            Some((known, ids)) if known == key => work(ids),
            _ => work(&FastSet::default()),
        })
    }

    fn open_workbook(
        &self,
        learner: &masterly_core::format::progress::Learner,
        curriculum_id: &str,
        course: Option<&str>,
    ) {
        let Some(curriculum) = self.device.find_curriculum(curriculum_id) else {
            return;
        };
        // With the workbook key empty or damaged past repair, the archive still
        // holds the older answers.
        let (stored, archive) = self.stored_parts(&learner.id, curriculum_id);
        let stored = stored.unwrap_or_else(|| {
            Workbook::new(
                learner.clone(),
                CurriculumRef {
                    id: curriculum.id.clone(),
                    hash: curriculum.content_hash(),
                },
            )
        });
        let mut workbook = with_archive(stored, archive);
        let known_course = |id: &str| curriculum.course(id).is_some();
        let wanted = course
            .filter(|id| known_course(id))
            .map(str::to_string)
            .or_else(|| workbook.course.clone().filter(|id| known_course(id)))
            .or_else(|| curriculum.courses.first().map(|course| course.id.clone()));
        if course.is_some() && wanted != workbook.course {
            workbook.place = Place::CourseMap;
        }
        workbook.course = wanted;
        let mut profiles = self.profiles.get_untracked();
        if profiles.current().and_then(|p| p.curriculum.as_deref()) != Some(curriculum_id) {
            profiles.set_curriculum(&learner.id, curriculum_id);
            self.save_profiles(&profiles);
        }
        // A failed save has already put up a banner with an export offer.
        let _ = self.save_workbook(&mut workbook);
        self.workbook.set(Some(workbook));
    }

    pub fn chosen_course(&self) -> Option<CourseChoice> {
        self.workbook.with(|workbook| {
            let workbook = workbook.as_ref()?;
            Some(CourseChoice {
                curriculum_id: workbook.curriculum.id.clone(),
                course_id: workbook.course.clone()?,
            })
        })
    }

    /// Opens a course for the current learner; a bundled curriculum not fetched
    /// yet is fetched first.
    pub fn open_course(&self, choice: &CourseChoice) {
        self.open_course_then(choice, |_| {});
    }

    /// Opens a course, then does `then` with it open.
    fn open_course_then(
        &self,
        choice: &CourseChoice,
        then: impl FnOnce(&StudentSession) + 'static,
    ) {
        let choice = choice.clone();
        let session = *self;
        self.device
            .load_listed(&choice.curriculum_id.clone(), move || {
                let Some(profile) = session.profiles.get_untracked().current().cloned() else {
                    return;
                };
                session.flush_activity();
                session.open_workbook(
                    &profile.learner,
                    &choice.curriculum_id,
                    Some(&choice.course_id),
                );
                then(&session);
            });
    }

    /// Shows the screen an address names (Back, Forward, a link), opening its
    /// course first if another is open. The start screen signs the learner out.
    pub fn follow(&self, route: Route) -> Followed {
        let Route::Course { course, .. } = &route else {
            if self
                .profiles
                .with_untracked(|profiles| profiles.current.is_some())
            {
                self.sign_out();
            }
            return Followed::Shown;
        };
        let course = course.clone();
        let course_id = course.clone();
        let show = move |context: &StudentSession| {
            let Some(curriculum) = context.curriculum() else {
                return;
            };
            let Some(course) = curriculum.course(&course_id) else {
                return;
            };
            let place = context.workbook.with_untracked(|workbook| {
                workbook
                    .as_ref()
                    .map(|workbook| (route.place(course, workbook), workbook.place.clone()))
            });
            if let Some((place, shown)) = place {
                if place != shown {
                    context.go(place);
                }
            }
        };
        if untrack(|| self.chosen_course()).is_some_and(|open| open.course_id == *course) {
            show(self);
            return Followed::Shown;
        }
        let choice = untrack(|| offered_courses(&self.device.shelves()))
            .into_iter()
            .map(|(choice, _)| choice)
            .find(|choice| choice.course_id == *course);
        let Some(choice) = choice else {
            return Followed::NoSuchCourse;
        };
        let fetched_first = matches!(
            untrack(|| self.device.find_shelf(&choice.curriculum_id)),
            Some(Shelf::Listed(_))
        );
        self.open_course_then(&choice, show);
        if fetched_first {
            Followed::Later
        } else {
            Followed::Shown
        }
    }

    /// The route of the screen shown now; `None` while a learner's workbook loads.
    pub fn shown_route(&self) -> Option<Route> {
        let signed_in = self
            .profiles
            .with_untracked(|profiles| profiles.current.is_some());
        if !signed_in {
            return Some(Route::Start);
        }
        self.workbook
            .with_untracked(|workbook| workbook.as_ref().map(Route::of))
    }

    /// Merges in what is stored for `workbook` if the key changed since this tab
    /// last read or wrote it.
    fn merge_if_another_tab_saved(&self, workbook: &mut Workbook) {
        let key = workbook_key(&workbook.learner.id, &workbook.curriculum.id);
        if !self
            .device
            .store
            .with_value(|store| store.unchanged_since_last_use(&key))
        {
            self.merge_stored(workbook);
        }
    }

    /// Merges into `workbook` what is stored for it (another tab's work).
    fn merge_stored(&self, workbook: &mut Workbook) {
        if let Some(stored) = self.stored_workbook(&workbook.learner.id, &workbook.curriculum.id) {
            workbook.merge_from(&stored);
        }
    }

    /// Merges in what another tab saved, then saves.
    /// The workbook key holds the attempts not yet archived; once more than
    /// [`ARCHIVE_AFTER`] have gathered, they are written first as a new archive
    /// chunk of this page's own, so an answer's save stays small however long the
    /// log grows, and no write ever replaces archived answers. A chunk another tab
    /// writes is merged when it is heard of (`storage_changed`), or when that tab's
    /// save of the workbook key is.
    fn save_workbook(&self, workbook: &mut Workbook) -> Result<(), SaveError> {
        let key = workbook_key(&workbook.learner.id, &workbook.curriculum.id);
        self.merge_if_another_tab_saved(workbook);
        // The single archive kept before chunks goes into a chunk at the page's first
        // save, with every attempt not in a chunk yet.
        let outdated = self.archive_outdated.get_value();
        let not_archived =
            |archived: &FastSet<String>, attempt: &&Attempt| !archived.contains(&attempt.id);
        let count = self.with_archived_ids(&key, |archived| {
            workbook
                .attempts
                .iter()
                .filter(|attempt| not_archived(archived, attempt))
                .count()
        });
        // Should the chunk not save (the storage full), the workbook key keeps every
        // attempt as before, nothing is lost, and this page does not try again.
        if (count > ARCHIVE_AFTER || outdated) && !self.archive_refused.get_value() {
            let chunk: Vec<Attempt> = self.with_archived_ids(&key, |archived| {
                workbook
                    .attempts
                    .iter()
                    .filter(|attempt| not_archived(archived, attempt))
                    .cloned()
                    .collect()
            });
            let name = self.next_chunk_name();
            let stored = archive_to_stored(&chunk);
            if self
                .device
                .save_quietly(&chunk_key(&key, &name), ARCHIVE_KIND, &stored)
                .is_ok()
            {
                self.archived.update_value(|archived| match archived {
                    Some((known, ids)) if *known == key => {
                        ids.extend(chunk.iter().map(|a| a.id.clone()));
                    }
                    other => {
                        let ids = chunk.iter().map(|a| a.id.clone()).collect();
                        *other = Some((key.clone(), ids));
                    }
                });
                if outdated {
                    let legacy = archive_key(&key);
                    let _ = self.device.store.with_value(|store| store.remove(&legacy));
                    self.archive_outdated.set_value(false);
                }
            } else {
                self.archive_refused.set_value(true);
            }
        }
        let stored = self.with_archived_ids(&key, |archived| workbook.to_stored_beside(archived));
        self.device.save_text(&key, WORKBOOK_KIND, &stored)
    }

    /// A name for this page's next archive chunk: its id prefix and a count, so
    /// that no two pages or devices write the same chunk.
    fn next_chunk_name(&self) -> String {
        self.chunks_written
            .try_update_value(|written| {
                *written += 1;
                *written
            })
            .map(|written| {
                let prefix = self
                    .attempt_ids
                    .with_value(|(prefix, _)| prefix.trim_end_matches('.').to_string());
                format!("{prefix}-{written}")
            })
            .unwrap_or_default()
    }

    /// Changes the workbook and saves it before the change shows. When saving fails
    /// the change still shows (the student is not stopped), with a banner that says
    /// the work is not yet safe and offers an export.
    ///
    /// The workbook is changed where it is, not copied: with a long log (a term of
    /// daily work is thousands of answers) a copy and its drop cost about a
    /// millisecond on every answer (docs/benchmarks.md). Subscribers hear of the
    /// change when the save is done. Nothing in the save reads the workbook signal,
    /// which is held for writing meanwhile.
    pub fn update(&self, change: impl FnOnce(&mut Workbook)) -> Result<(), SaveError> {
        let mut change = Some(change);
        self.update_in_place(&mut |workbook| {
            if let Some(change) = change.take() {
                change(workbook);
            }
        })
    }

    /// `update`, compiled once whatever the change.
    fn update_in_place(&self, change: &mut dyn FnMut(&mut Workbook)) -> Result<(), SaveError> {
        let saved = self.workbook.try_update_untracked(|workbook| {
            let workbook = workbook.as_mut()?;
            // What another tab saved comes first, so that a change made here (an
            // answer to a question that tab already answered) sees it.
            self.merge_if_another_tab_saved(workbook);
            change(workbook);
            self.add_unsaved_activity(workbook);
            Some(self.save_workbook(workbook))
        });
        match saved.flatten() {
            None => Ok(()),
            Some(result) => {
                self.workbook.notify();
                result
            }
        }
    }

    pub fn go(&self, place: Place) {
        self.interaction();
        let _ = self.update(|workbook| workbook.go(place));
    }

    /// Another tab saved: fold its attempts into this tab's view.
    pub fn storage_changed(&self, key: &str) {
        if key == PROFILES_KEY {
            if let Some(stored) = self.stored_profiles() {
                self.profiles
                    .update(|profiles| profiles.merge_from(&stored));
            }
            return;
        }
        let Some(mut workbook) = self.workbook.get_untracked() else {
            return;
        };
        let own_key = workbook_key(&workbook.learner.id, &workbook.curriculum.id);
        if key != own_key
            && key != archive_key(&own_key)
            && !key.starts_with(&chunk_prefix(&own_key))
        {
            return;
        }
        if let Some(stored) = self.stored_workbook(&workbook.learner.id, &workbook.curriculum.id) {
            if stored.attempts.len() != workbook.attempts.len()
                || stored.activity != workbook.activity
            {
                workbook.merge_from(&stored);
                self.workbook.set(Some(workbook));
            }
        }
    }

    /// The student did something: time counts as active again.
    pub fn interaction(&self) {
        let now = browser::now();
        self.meter.update_value(|meter| meter.interaction(now));
    }

    /// Called every few seconds: measures active time, and saves it now and then.
    pub fn tick(&self) {
        let active = self
            .meter
            .try_update_value(|meter| meter.tick(browser::now(), browser::page_visible()))
            .unwrap_or(0);
        self.item_active_ms.update_value(|ms| *ms += active);
        self.unsaved_active_ms.update_value(|ms| *ms += active);
        if self.unsaved_active_ms.get_value() >= MINUTE_MS {
            self.flush_activity();
        }
    }

    fn add_unsaved_activity(&self, workbook: &mut Workbook) {
        let unsaved = self.unsaved_active_ms.get_value();
        if unsaved >= 1_000 {
            let day = local_day(browser::now(), browser::utc_offset_minutes());
            workbook.add_active_seconds(day, (unsaved / 1_000) as u32);
            self.unsaved_active_ms.set_value(unsaved % 1_000);
        }
    }

    pub fn flush_activity(&self) {
        if self.unsaved_active_ms.get_value() >= 1_000
            && self.workbook.with_untracked(Option::is_some)
        {
            let _ = self.update(|_| {});
        }
    }

    /// A new attempt's id: this page's beginning and the next number, so that ids
    /// are short to store and never the same on two pages or devices.
    pub fn next_attempt_id(&self) -> String {
        self.attempt_ids
            .try_update_value(|(prefix, made)| {
                let id = numbered_id(prefix, *made);
                *made += 1;
                id
            })
            .unwrap_or_default()
    }

    /// About how many more answers this device has room for, once 70% of its
    /// storage is in use (None before that, and when storage is blocked).
    pub fn room_left(&self) -> Option<u64> {
        if self.device.storage_blocked() {
            return None;
        }
        self.device.store.with_value(|store| {
            let room = Room::of(store.characters_in_use());
            room.is_filling().then(|| {
                let (answers, work) = store.stored_answers();
                room.answers_left(answers, work)
            })
        })
    }

    /// Starts timing a new item.
    pub fn item_shown(&self) {
        self.item_active_ms.set_value(0);
    }

    pub fn item_active_seconds(&self) -> u32 {
        self.tick();
        (self.item_active_ms.get_value() / 1_000).max(1) as u32
    }

    /// Downloads the learner's progress file; gives its name if the browser took it.
    pub fn export_progress(&self) -> Option<String> {
        let workbook = self.workbook.get_untracked()?;
        let curriculum = untrack(|| self.curriculum())?;
        let now = browser::now();
        let bundle = workbook.export(&replay(&curriculum, &workbook.attempts, now), now);
        // Written compact: a file of thousands of attempts is about 40% smaller than
        // indented (docs/progress-format.md), so quicker to hand in and for the teacher to read.
        let text = serde_json::to_string(&bundle).unwrap_or_default();
        let name = text::progress_file_name(&workbook.learner.nickname, &workbook.curriculum.id);
        let downloaded = browser::download(&name, &text);
        if downloaded {
            // Once a file holds every answer, a teacher may free this space
            // (`free_space.rs`). When storage is full this save fails too, and the
            // banner already says so.
            let answers = bundle.attempts.len();
            let _ = self.update(|workbook| workbook.exported = Some(Exported { answers, at: now }));
        }
        downloaded.then_some(name)
    }

    /// Downloads the progress file and says where it went and what to do with it.
    pub fn export_progress_and_say_so(&self) {
        if let Some(name) = self.export_progress() {
            self.device
                .notify(Notice::says(text::progress_exported(&name)));
        }
    }
}

impl StudentSession {
    /// The open curriculum and the learner's replayed progress in it, now.
    /// Reading it subscribes to the workbook.
    pub fn progress(&self) -> Option<(Arc<Curriculum>, Replay)> {
        let curriculum = self.curriculum()?;
        let replayed = self.workbook.with(|workbook| {
            workbook
                .as_ref()
                .map(|workbook| replay(&curriculum, &workbook.attempts, browser::now()))
        })?;
        Some((curriculum, replayed))
    }

    /// Plans a sitting and opens it. The plan is saved before the first item shows,
    /// so a reload resumes the same questions.
    pub fn start_sitting(&self, request: PlanRequest) -> Result<(), String> {
        self.interaction();
        let (curriculum, replayed) = self
            .progress_untracked()
            .ok_or_else(|| text::NOTHING_OPEN.to_string())?;
        let log = self
            .workbook
            .with_untracked(|workbook| workbook.as_ref().map(|w| w.attempts.clone()))
            .unwrap_or_default();
        let sitting_id = sitting_id(browser::random_u64());
        let plan = plan_sitting(
            &curriculum,
            &replayed,
            &log,
            &request,
            sitting_id,
            browser::random_u64(),
        )
        .map_err(|error| text::cannot_start(&error.say()))?;
        self.item_shown();
        let _ = self.update(|workbook| workbook.start_sitting(plan));
        Ok(())
    }

    fn progress_untracked(&self) -> Option<(Arc<Curriculum>, Replay)> {
        untrack(|| self.progress())
    }
}

/// A workbook with the attempts of its archive merged in (by attempt id).
fn with_archive(mut workbook: Workbook, archive: Vec<Attempt>) -> Workbook {
    if !archive.is_empty() {
        workbook.attempts = merge_logs(&archive, &workbook.attempts).0;
    }
    workbook
}

/// What following an address did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Followed {
    /// The screen it names, or the nearest the workbook can show, is shown.
    Shown,
    /// Its course is being fetched; the screen shows when it has loaded.
    Later,
    /// It names no course in the library: nothing changed.
    NoSuchCourse,
}

impl Default for StudentSession {
    fn default() -> Self {
        StudentSession::new()
    }
}
