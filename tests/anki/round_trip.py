"""The Anki round trip (#15.1), against Anki's own importer.

Imports `carestudy export --format anki` into a fresh Anki collection, reviews some cards,
rewords one point of a guide, exports again and imports the new file. Anki must add no note,
update exactly the notes whose cards changed (matched by the guid column), and keep every
card and its review history.

Run by tests/anki/run.sh (from .ci/run), which makes the virtual environment with the `anki`
package. Usage: round_trip.py CARESTUDY_BINARY CONTENT_DIR WORK_DIR
"""

import os
import re
import shutil
import subprocess
import sys
import time

from anki.collection import Collection
from anki.import_export_pb2 import ImportCsvRequest

# The point reworded: the first key feature of the Volunteers topic.
GUIDE_FILE = "working-relationships.md"
TOPIC_HEADING = re.compile(r"^## .*\{#volunteers[ .}]", re.M)
REWORDED = "Unpaid helpers take on everyday jobs that call for no specialist training."
EDITED_GUID = "carestudy:working-relationships/volunteers#point:0"


def fail(message):
    print(f"anki round trip: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def export(binary, content, path):
    """Runs carestudy's Anki export of the guides in `content` into `path`."""
    subprocess.run(
        [binary, "export", "--format", "anki", "--content", content, "-o", path, "--force"],
        check=True,
        env={**os.environ, "CARESTUDY_CONFIG": "", "CARESTUDY_CACHE_DIR": ""},
    )


def rows_by_guid(path):
    """The export's rows (front, back, tags), keyed by the guid in the fourth column."""
    rows = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4:
                fail(f"a row has {len(fields)} columns, not 4: {line!r}")
            if fields[3] in rows:
                fail(f"two rows share the guid {fields[3]}")
            rows[fields[3]] = fields[:3]
    return rows


def import_file(col, path):
    """Imports `path` as Anki's File > Import does, with the options its header gives."""
    metadata = col.get_csv_metadata(path, None)
    if metadata.guid_column != 4 or metadata.tags_column != 3:
        fail(f"Anki did not read the header: guid column {metadata.guid_column}, "
             f"tags column {metadata.tags_column}")
    return col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log


def reword_a_point(content):
    """Rewords the first key feature of the Volunteers topic in the copied guides."""
    path = os.path.join(content, GUIDE_FILE)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    heading = TOPIC_HEADING.search(text)
    if heading is None:
        fail(f"no Volunteers topic in {GUIDE_FILE}")
    start = heading.end()
    features = text.index("### Key features", start)
    match = re.compile(r"^- .*$", re.M).search(text, features)
    if match is None:
        fail("no key feature to reword")
    text = text[: match.start()] + "- " + REWORDED + text[match.end():]
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def main():
    started = time.monotonic()
    binary, builtin, work = sys.argv[1:4]
    content = os.path.join(work, "guides")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(builtin, content, ignore=shutil.ignore_patterns("README.md"))

    first = os.path.join(work, "first.txt")
    export(binary, content, first)
    first_rows = rows_by_guid(first)
    if EDITED_GUID not in first_rows:
        fail(f"no note {EDITED_GUID} in the export")

    col = Collection(os.path.join(work, "collection.anki2"))
    log = import_file(col, first)
    if len(log.new) != len(first_rows) or log.updated or log.duplicate or log.conflicting:
        fail(f"first import: {len(log.new)} new of {len(first_rows)} rows, "
             f"{len(log.updated)} updated, {len(log.duplicate)} duplicate, "
             f"{len(log.conflicting)} conflicting")
    notes = col.note_count()
    deck = col.decks.by_name("carestudy::all")
    if deck is None:
        fail("the deck carestudy::all was not created")

    # Study: answer the edited note's card and a few others, so there is history to keep.
    note_ids = {col.get_note(nid).guid: nid for nid in col.find_notes("deck:carestudy::all")}
    if EDITED_GUID not in note_ids:
        fail("the edited note is not in the collection")
    studied = [note_ids[EDITED_GUID]] + sorted(note_ids.values())[:4]
    cards_before = {}
    for nid in studied:
        for card in col.get_note(nid).cards():
            card.start_timer()
            col.sched.answerCard(card, 3)  # Good
            cards_before[card.id] = len(col.card_stats_data(card.id).revlog)

    # A tutor rewords one point; the class exports and imports again.
    reword_a_point(content)
    second = os.path.join(work, "second.txt")
    export(binary, content, second)
    second_rows = rows_by_guid(second)
    if set(second_rows) != set(first_rows):
        fail("rewording a point changed which notes the export holds")
    changed = {guid for guid in second_rows if second_rows[guid] != first_rows[guid]}
    if EDITED_GUID not in changed:
        fail("the reworded point's note did not change in the export")

    log = import_file(col, second)
    updated = {col.get_note(note.id.nid).guid for note in log.updated}
    if log.new:
        fail(f"the second import added {len(log.new)} notes")
    if col.note_count() != notes:
        fail(f"{col.note_count()} notes after the second import, {notes} before")
    if updated != changed:
        fail(f"updated {sorted(updated)}, but the export changed {sorted(changed)}")
    note = col.get_note(note_ids[EDITED_GUID])
    if REWORDED not in " ".join(note.fields):
        fail(f"the note {EDITED_GUID} does not hold the reworded point: {note.fields}")
    for card_id, reviews in cards_before.items():
        kept = len(col.card_stats_data(card_id).revlog)
        if kept != reviews:
            fail(f"card {card_id} had {reviews} reviews, {kept} after the import")
    col.close()
    print(f"anki round trip: ok: {len(first_rows)} notes imported; after rewording one point, "
          f"{len(updated)} updated in place, 0 added, {len(cards_before)} cards' reviews kept "
          f"({time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
