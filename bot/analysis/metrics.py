"""Find the numbers that quantify an outcome or its scale ("metrics or die").

A year, a clock time, a team size or how often a meeting happened is not a metric; a %,
an amount of money, a count of users/tickets/incidents, a multiplier, a duration that
changed, or "from X to Y" is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.analysis.indexed import IndexedPattern, indexed, possible
from bot.analysis.quickstart import compiled, single_spaced_reach
from bot.analysis.text import Document

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_WORD_NUM = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|a hundred|hundred|a thousand|thousand|a dozen|dozens|"
    r"half|a half|a day|a week|an hour|a month)"
)
_APPROX_WORDS = (
    r"(?:about|around|roughly|nearly|almost|over|under|just|more than|less than|like|"
    r"approximately|approx\.?|only|up to|at least|below|above)"
)
_APPROX = rf"(?:{_APPROX_WORDS}\s+)?~?"
_SCALE = r"(?:\s?(?:k|m|bn|mm|million|billion|thousand|grand))?"
_CURRENCY_WORD = (
    r"(?:usd|eur|gbp|dollars?|euros?|pounds?|pln|zł|zloty|chf|inr|rupees?|yen|sek|nok|dkk|"
    r"aud|cad|brl|reais|reales|pesos?|grosz|francs?)"
)
_UNIT = (
    r"(?:%|percent|per cent|percentage points?|pp|points?|ms|milliseconds?|seconds?|secs?|s|"
    r"minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|x|k|m|gb|mb|tb)?"
)
_QUANTITY = rf"(?:[$£€¥₹]\s?)?(?:{_NUM}|{_WORD_NUM}){_SCALE}\s?{_UNIT}"

_IMPACT_NOUNS = (
    r"(?:users?|customers?|clients?|accounts?|tickets?|incidents?|outages?|orders?|requests?|"
    r"errors?|complaints?|calls?|contacts?|patients?|students?|pupils?|kids|children|"
    r"merchants?|transactions?|sessions?|deliveries|drop-offs?|pages|alerts?|bugs?|defects?|"
    r"applicants?|applications|households?|members|families|trucks?|containers?|units?|"
    r"items?|pallets?|parcels?|packages?|bookings?|reviews?|stores?|sites?|schools?|"
    r"hospitals?|clinics?|restaurants?|events?|messages?|emails?|records?|claims?|invoices?|"
    r"payments?|refunds?|returns?|sales|leads?|deals?|signups?|sign-ups?|subscribers?|"
    r"downloads?|visits?|visitors?|views?|hits|queries|jobs?|builds?|deploys?|deployments?|"
    r"releases?|tests?|failures?|crashes?|cases?|falls|readmissions?|shipments?|skus?|"
    r"products?|listings?|locations?|countries|markets?|partners?|vendors?|suppliers?|"
    r"buyers?|riders?|drivers?|tenants?|residents?|guests?|attendees?|registrations?|"
    r"participants?|volunteers?|donors?|donations?|meals?|beds?|rooms?|hours? saved|"
    r"escalations?|pages? a (?:week|month|day)|lines?|services?|teams|departments|"
    r"samples?|covers|passengers?|pharmacies|desks?|seats?|pizzas?|dishes|plates|flights?|"
    r"sailings?|trains?|buses|vehicles?|bikes?|vans?|cars?|homes?|houses?|flats?|plots?|"
    r"properties|patrons?|diners?|callers?|animals?|files?|documents?|forms?|permits?|batches|"
    r"questions?|appointments?|prescriptions?|loans?|policies|books?|titles?|classes|lessons?|"
    r"branches|offices|shops?|venues?|sensors?|devices?|machines?|servers?|vaccines?|doses?|"
    r"packs?|boxes|cartons?|bags?|cages?|routes?|rounds?|bins?|streets?|"
    r"people|employees|staff|agents|engineers|developers|nurses|teachers|reps)"
)
_STAFF_CONTEXT = compiled(
    r"(?:team|group|squad|staff|crew|department) of\s*$|\b(?:managed|led|leading|managing|"
    r"with|had|supervised|supervising|running|ran)\s+(?:a\s+)?(?:team\s+of\s+)?$"
)
_STAFF_NOUNS = re.compile(
    r"^(?:people|employees|staff|agents|engineers|developers|nurses|teachers|reps|"
    r"volunteers)\b"
)

_PATTERNS: tuple[tuple[str, IndexedPattern], ...] = (
    ("change", indexed(
        rf"\bfrom\s+{_APPROX}{_QUANTITY}(?:\s+[a-z/'-]+){{0,7}}?\s+(?:to|down to|up to)\s+"
        rf"{_APPROX}{_QUANTITY}"
    )),
    ("comparison", indexed(
        rf"(?:[$£€]\s?)?{_NUM}{_SCALE}\s?{_UNIT}(?:\s+[a-z/-]+){{0,3}}?\s+"
        rf"(?:instead of|rather than|versus|vs\.?|compared (?:with|to)|against|down from|"
        rf"up from)\s+(?:a |an |the |our )?(?:target of |forecast of |goal of )?{_APPROX}"
        rf"(?:[$£€]\s?)?{_NUM}"
    )),
    ("percent", indexed(
        rf"{_NUM}\s?(?:%|percent\b|per cent\b|percentage points?\b|pp\b)"
    )),
    ("money", indexed(
        rf"[$£€¥₹]\s?{_NUM}{_SCALE}|\b{_NUM}{_SCALE}\s?{_CURRENCY_WORD}\b"
    )),
    ("multiplier", indexed(
        rf"\b{_NUM}\s?x\b(?!\s?\d)|\b(?:doubled|tripled|quadrupled|halved|trebled)\b|"
        r"\b(?:twice|two times|three times|four times|five times|ten times) (?:as|more|faster|"
        r"fewer|less|higher|lower|the)\b|\bby (?:a |one )?(?:half|third|quarter|factor of \w+)\b|"
        r"\b(?:a|one) (?:third|quarter|half) (?:fewer|less|more|of what|the)\b|"
        r"\bcut (?:it |that |them )?in half\b"
    )),
    ("ratio", indexed(
        rf"\b{_NUM} (?:out )?of (?:the |our |my )?{_NUM}\b(?! (?:us|them)\b)|"
        rf"\b{_NUM}\s?(?:per|/|a|an|each) (?:1,000|1000|100|thousand|hundred|day|week|month|"
        rf"year|hour|minute|second|shift|quarter|night|session|customer|user|order|call|pallet|"
        rf"patient)\b"
    )),
    ("fraction", indexed(
        r"\b(?:about |around |roughly |nearly |almost |over |under )?(?:a|one|two) "
        r"(?:third|quarter|half|fifth|tenth)s? of (?:our |the |all |their |my )?" + _IMPACT_NOUNS
        + r"|\b(?:half|two-thirds|three-quarters) of (?:our |the |all |their )" + _IMPACT_NOUNS
    )),
    ("measure", indexed(
        rf"\b{_NUM}{_SCALE}\s?(?:litres?|liters?|kg|kilos?|tonnes?|tons?|miles?|km|kwh|mwh|"
        rf"gallons?|lbs?|pounds of|square (?:feet|metres|meters)|sq ft|m2|gb|tb|mb|rps|qps)\b"
    )),
    ("large", indexed(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d%])")),
    # A change told by its size: "went up by about 0.5", "lifted attach rate by 4 points".
    ("by", indexed(
        rf"\b(?:went up|went down|rose|fell|dropped|increased|decreased|grew|improved|climbed|"
        rf"lifted|raised|lowered|cut|reduced|up|down|moved|shrank) (?:\w+ ){{0,3}}?by {_APPROX}"
        rf"{_NUM}(?:\s?(?:points?|pp|percentage points?|marks?|bands?|grades?|places?|"
        rf"stars?))?\b"
    )),
    ("zero", indexed(
        r"\b(?:zero|not a single|not one|no more|none of the)\s+(?:\w+\s+)?" + _IMPACT_NOUNS
    )),
)
_KIND_PATTERNS = tuple(pattern for _, pattern in _PATTERNS)
# A time that is itself the outcome: "caught within 20 minutes", "40 min hold times". Not a
# promise, a habit or a rule ("I always follow up within 24 hours", "must reply within a day").
_RESPONSE_TIME = indexed(
    rf"\bwithin {_APPROX}(?:{_NUM}|{_WORD_NUM})\s?(?:seconds?|secs?|minutes?|mins?|hours?|"
    rf"hrs?|days?|weeks?)\b"
    rf"|\b{_NUM}\s?(?:min|mins|minute|second|hour)s? (?:hold|wait|waiting|queue|response|"
    rf"turnaround|resolution|load|call|ticket) times?\b"
    rf"|\b(?:hold|wait|waiting|queue|response|turnaround|resolution|load|ticket) times? "
    rf"(?:\w+ ){{0,3}}?(?:of|at|to|were|was|hit|reached) {_APPROX}{_NUM}\s?(?:seconds?|secs?|"
    rf"minutes?|mins?|hours?|hrs?|days?)\b"
)
_RULE_OR_HABIT = compiled(
    r"\b(?:always|usually|normally|typically|will|would|'ll|'d|must|should|need to|needs to|have "
    r"to|has to|had to|promise\w*|commit\w*|aim\w*|target|sla|supposed to|expected to|required)\b"
)
# "(?:about )?~?" before the number lets a match start anywhere, and Python's engine tried
# every position of a sentence (10 us a run). Apart, as the alternation it stands for (with a
# word first, with "~", then the number alone: the order the optional parts are tried in),
# the last alternative starts at a digit the engine can skip to.
_COUNT_FROM_NUMBER = (
    rf"({_NUM}{_SCALE})\s+(?:(?:[a-z-]+)\s+){{0,2}}?({_IMPACT_NOUNS})\b"
)
_COUNT = IndexedPattern(
    "",
    [
        rf"(?<![\w.,-]){_APPROX_WORDS}\s+~?{_COUNT_FROM_NUMBER}",
        rf"(?<![\w.,-])~{_COUNT_FROM_NUMBER}",
        rf"(?<![\w.,-]){_COUNT_FROM_NUMBER}",
    ],
    module=__name__,
    source=rf"(?<![\w.,-])(?:{_APPROX}){_COUNT_FROM_NUMBER}",
)
# Any other thing counted in digits is the scale of the story: "400 counties", "14 DAGs",
# "300 drinks on a Saturday". Not a span of time (a duration is a metric only when it changed),
# not how often ("3 times"), and not a label ("year 9 classes", "version 2 builds").
_ANY_COUNT = indexed(rf"(?<![\w.,$£€¥₹-])({_NUM})\s+(?:[a-z-]+\s+)?([a-z][a-z-]*[a-z]s)\b")
_NOT_COUNTED = frozenset({
    "years", "yrs", "months", "weeks", "days", "hours", "hrs", "minutes", "mins", "seconds",
    "secs", "times", "others", "ones", "ours", "yours", "theirs", "hers", "his", "its", "this",
    "thus", "has", "was", "does", "goes", "is", "as", "us", "yes", "less", "unless", "always",
    "perhaps", "across", "towards", "plus", "besides", "whereas", "afterwards",
})
_LABEL_BEFORE = compiled(
    r"\b(?:year|grade|level|stage|version|phase|step|tier|chapter|section|page|room|floor|bay|"
    r"ward|platform|gate|number|no\.?|#|class|form|key stage)\s*$"
)
# The words before a count that make it a team's size or a label end where the count starts,
# so they lie in the last few characters before it: searching only those (rather than every
# position of the text before) is ~3x quicker and finds the same matches.
_CONTEXT_REACH = max(single_spaced_reach(_STAFF_CONTEXT), single_spaced_reach(_LABEL_BEFORE))
_DURATION = indexed(
    rf"\b(?:in|within|after|to|under|only|saved|save|saving|took|takes|take|taking|cut|"
    rf"by|shaved|down to|than|for|lasted|about|around|roughly|nearly|almost|over)\s+(?:{_APPROX})(?:{_NUM}|{_WORD_NUM})\s?(?:ms|milliseconds?|"
    rf"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b"
    rf"(?! (?:ago|later|before|earlier|after|into|of (?:work|effort|my|our)))"
    rf"(?<!took me )(?<!took us )"
)
_AHEAD_OR_LATE = indexed(
    rf"\b(?:{_NUM}|{_WORD_NUM})\s?(?:days?|weeks?|months?) "
    rf"(?:early|late|ahead of|sooner|faster|quicker|earlier than|behind)\b"
)
_DURATION_CONTEXT = indexed(
    r"\b(?:reduced|reduce|cut|dropped|fell|faster|quicker|shorter|saved|saves|instead|down|"
    r"sped|speed|brought|back (?:up|to)|restored|resolved|recovered|fixed|mitigated|"
    r"took|now take|now takes|turnaround|response time|latency|slipped|delayed|delay|late|"
    r"used to|ahead of|stopped|locked|outage|offline|down for|impact|stalled|waiting|waited|"
    r"lost|downtime|unavailable|blocked|taking|on average|average)\b"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _clean(found: str) -> str:
    return found.strip(" ,.;:").strip()


# More mentions than this say nothing new, and a wall of "100%" must stay linear to scan.
MAX_METRICS = 50


# Every metric needs a digit or a number word; a sentence without one is skipped.
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = indexed(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundred|thousand|dozens?|half|halved|third|quarter|fifth|tenth|"
    r"doubled|tripled|trebled|quadrupled|twice|zero|single|none|no more|a day|a week|"
    r"an hour|a month)\b"
)


# Every byte but the ASCII digits: what an ASCII sentence keeps once these are deleted are its
# digits, found ~2x faster than by the regex.
_NOT_ASCII_DIGITS = bytes(c for c in range(256) if not 0x30 <= c <= 0x39)


def has_a_number(low: str) -> bool:
    """`low` (a sentence's matching form) holds a digit or a number word."""
    if low.isascii():
        has_digit = bool(low.encode().translate(None, _NOT_ASCII_DIGITS))
    else:
        has_digit = bool(_DIGIT.search(low))
    return has_digit or bool(_NUMBER_WORD.search(low))


def find_metrics(document: Document) -> list[str]:
    """Every metric mention (up to MAX_METRICS), in order of appearance, without duplicates."""
    found: list[str] = []
    for mentions in metrics_by_sentence(document).values():
        found.extend(mentions)
    return found[:MAX_METRICS]


def metrics_by_sentence(document: Document) -> dict[int, list[str]]:
    """The metric mentions of each sentence (by sentence index), worked out once."""
    cached = document.cache.get("metrics")
    if cached is None:
        cached = document.cache["metrics"] = _find_by_sentence(document)
    return cached


def _find_by_sentence(document: Document) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    total = 0
    for sentence in document.sentences:
        low = sentence.low
        if not has_a_number(low):
            continue
        spans: list[tuple[int, int]] = []
        for match in _mentions(low):
            if total >= MAX_METRICS:
                return found
            start, end = match.span()
            if any(start < seen_end and seen_start < end for seen_start, seen_end in spans):
                continue
            spans.append((start, end))
            found.setdefault(sentence.index, []).append(_clean(sentence_slice(sentence, match)))
            total += 1
    return found


def _mentions(low: str) -> Iterator[re.Match[str]]:
    """Every candidate metric in a sentence, in the order overlapping ones are preferred."""
    for pattern in possible(_KIND_PATTERNS, low):
        yield from pattern.finditer(low)
    yield from _counts(low, _COUNT)
    for match in _counts(low, _ANY_COUNT):
        if match.group(2) not in _NOT_COUNTED:
            yield match
    for match in _RESPONSE_TIME.finditer(low):
        if not _RULE_OR_HABIT.search(low[max(0, match.start() - 50):match.start()]):
            yield match
    yield from _AHEAD_OR_LATE.finditer(low)
    if _DURATION_CONTEXT.search(low):
        for match in _DURATION.finditer(low):
            if "every" not in low[max(0, match.start() - 8):match.start()]:
                yield match


def _counts(low: str, pattern: IndexedPattern) -> Iterator[re.Match[str]]:
    """Counts of things that are not a year, a label, a team's size or the first part of a
    compound."""
    for match in pattern.finditer(low):
        number = match.group(1).replace(",", "")
        start = match.start()
        reach = max(0, start - _CONTEXT_REACH)  # searched from there; its \b sees the real text
        if (_YEAR.match(number) or _STAFF_CONTEXT.search(low, reach, start)
                or _LABEL_BEFORE.search(low, reach, start)):
            continue
        if _STAFF_NOUNS.match(match.group(2)) and not _DURATION_CONTEXT.search(low):
            continue
        if low[match.end():match.end() + 1] == "-":
            continue
        yield match


def sentence_slice(sentence, match: re.Match[str]) -> str:
    """The matched span in the member's own casing when the lengths line up."""
    if len(sentence.text) == len(sentence.low):
        return sentence.text[match.start():match.end()]
    return match.group(0)
