"""Passing the buck and blame-shifting: who the story makes responsible."""

from __future__ import annotations

from bot.analysis.antipatterns.base import FIRES_AT, Context, Hit, hits, present, total
from bot.analysis.cues import SENIOR, phrases

# --- passing the buck -------------------------------------------------------------------

_NOT_MINE_TO_DECIDE = phrases(
    r"above my pay ?grade", r"(?:not|wasn't|isn't|never) (?:really )?my (?:place|call|decision|"
    r"job|responsibility|area|remit) to (?:decide|change|fix|touch|make|move|post|do|say|"
    r"second-guess|question|confront|override|act)",
    r"(?:wasn't|isn't|not|never) (?:really )?my (?:call|place|decision|department)\b",
    r"(?:\w+)'s (?:call|decision|problem) rather than mine", r"rather than mine",
    r"leave (?:the decision|it|that|the call) (?:with|to|for) (?:her|him|them|my|the)",
    r"left (?:it|that|the decision) (?:for|to|with) (?:him|her|them|my|the) ",
    r"(?:for|to) (?:their|his|her) review", r"chain of command",
    r"(?:safer|better|easier|wiser) (?:for me |for us )?to (?:just )?(?:wait|leave it|let)",
    r"be the ones? (?:held )?responsible", r"(?:risk|avoid) (?:being|getting) blamed",
    r"(?:didn't|did not|don't|wouldn't) want (?:to (?:risk )?(?:be|being|get|getting) "
    r"(?:blamed|the one|responsible|in trouble)|(?:it|this|that|anything) (?:coming |to come )?"
    r"back on me|the blame|my name on)",
    r"(?:coming|come|came) back on me", r"cover (?:myself|my back|my bases)",
    r"(?:clear|documented|on record) (?:that )?i'd done my part",
    r"(?:stick|sticking|stuck) my neck out", r"not (?:my|our) problem to",
    r"(?:wait|waited|waiting) for (?:\w+ ){0,2}(?:to come back|to decide|to make the call|"
    r"to sign off|to approve|to get back)",
)
_DEFERRED = phrases(
    r"(?:paged|emailed|messaged|pinged|called|asked|told|escalated (?:it )?to|forwarded (?:it )?"
    r"to|left (?:a )?(?:sticky )?note (?:on|for)|sent|copied|cc'd) " + SENIOR,
    r"(?:wait|waited|waiting|wait until|waited until) (?:for )?" + SENIOR,
    r"(?:kept|carried on|went back to|continued) (?:refreshing|picking|working|running|"
    r"watching|monitoring|doing my)",
    r"(?:for|pending) (?:their|his|her) (?:review|decision|sign-off|approval)",
    r"(?:kept|left) (?:it|the issue) on (?:our|the) (?:\w+ )?tracker",
    r"(?:nothing|nobody) (?:happened|did anything|acted) until",
)
_COULD_ACT = phrases(
    r"i had (?:the |full |admin |production |prod )?(?:access|authority|permission|rights|"
    r"credentials|ability|training|keys)",
    r"(?:any|every) (?:\w+ )?(?:analyst|technologist|engineer|nurse|operator|one|employee|"
    r"member|associate|developer|picker) (?:can|could|is allowed)",
    r"i(?:'m| am| was) (?:\w+ )?(?:trained|signed off|authori[sz]ed|certified|allowed)",
    r"(?:procedure|runbook|policy|process|playbook) (?:\w+ )?(?:says|said|covered|allows|"
    r"allowed|for exactly)",
    r"technically (?:i|we) could", r"(?:i|we) could have (?:\w+ )?(?:moved|fixed|done|posted|"
    r"restarted|rolled|changed|cleared|made|raised)",
    r"(?:there was|we had) a runbook", r"i'd done (?:similar|this|it|that) (?:ones )?before",
    r"(?:free|available) rooms", r"i could (?:have )?see (?:exactly )?what",
)
_FEARED_BLAME = phrases(
    r"blame[ds]?", r"my name (?:at the top|on it|would)", r"my user id",
    r"audit trail would", r"look like i(?:'d| had)", r"get in trouble", r"on the hook",
    r"if (?:it|i|this|the \w+) (?:turned out|went wrong|got it wrong|broke|double-posted)",
    r"if i (?:posted|changed|moved|touched|did) it and", r"(?:it|that) would look like",
)
_ACTED_ANYWAY = phrases(
    r"(?:so|and|then) i (?:rolled (?:it )?back|restarted|fixed|went ahead|made the call|"
    r"acted|cleared|unpublished|pulled|reverted|posted the|moved the|did it|took the decision|"
    r"decided to act|ran the|applied|recalibrated|switched)",
    r"(?:rather than|instead of|without) (?:just )?wait(?:ing)?", r"(?:didn't|did not) wait",
    r"i made the call", r"within my authority",
)


def passing_the_buck(context: Context) -> list[Hit]:
    explicit = hits(context, _NOT_MINE_TO_DECIDE, FIRES_AT)
    if explicit:
        return explicit
    deferred = hits(context, _DEFERRED, 0.5)
    could = hits(context, _COULD_ACT, 0.5)
    feared = hits(context, _FEARED_BLAME, 0.5)
    if not deferred or not (could or feared):
        return []
    if present(_ACTED_ANYWAY, context.story):
        return []
    found = deferred + could + feared
    return found if total(found) >= FIRES_AT else []


# --- blame-shifting ---------------------------------------------------------------------

_OTHER = (
    r"(?:they|them|their|he|she|his|her|qa|the vendor|the client|the customer|the other team|"
    r"the \w+ team|upstream|the carrier|the agency|the planner|the supplier|management|"
    r"the buddy|the contractor|the night crew|the dc|their staff|the developers|the business)"
)
_BLAMED = phrases(
    r"(?:was|is|were) (?:100% |all |entirely |completely |really |mostly |ultimately |"
    r"honestly |squarely |clearly )?(?:on them|their fault|on their (?:side|end)|down to them|"
    r"their (?:problem|mistake|doing)|not (?:on )?(?:us|me|my fault|our fault|my problem))",
    r"because of (?:them|their|qa|the other team|the vendor)", r"the problem was " + _OTHER,
    r"(?:the )?(?:main |real |root |actual )?(?:issue|problem|cause|gap) was (?:on|with|in) "
    r"(?:their|the other|qa|the vendor|upstream)",
    r"(?:honestly|basically|tbh) (?:the (?:main )?issue|the problem) was",
    r"not (?:really )?(?:something|anything) (?:my|our|i) (?:department|team|squad|side|"
    r"could)(?:\w| ){0,20}(?:control|do|have done)",
    r"(?:made|make) (?:it )?(?:very |really )?clear (?:that )?(?:the|my|our) [\w-]+ "
    r"(?:was|were|wasn't) (?:not )?(?:the|to blame|at fault)",
    r"nothing (?:i'd|i would) change on my (?:side|end)", r"came from upstream",
    r"(?:they|he|she) (?:just |clearly |simply |obviously )?(?:hadn't|didn't|never|wouldn't) "
    r"(?:read|watch|bother|check|test|follow|scan|listen|pay attention|prepare)",
    r"(?:they|he|she|qa|\w+ team) (?:clearly|obviously) (?:didn't|hadn't|couldn't)",
    r"(?:should|should have|should still have|was supposed to|were supposed to) "
    r"(?:also )?(?:have )?(?:caught|flagged|checked|told|trained|read|reviewed|noticed|"
    r"tested|warned|done)",
    r"rubber-stamped", r"nobody on (?:his|her|their) (?:\w+ )?bothered",
    r"a (?:hiring|onboarding|process|training|vendor|qa|testing|management)(?:/\w+)? "
    r"(?:problem|issue|failure),? not",
    r"i still think (?:we|i) did everything", r"(?:so it was|to make sure it was) documented",
    r"(?:wasn't|was not|weren't) (?:the|my|our) (?:issue|problem|fault)",
    r"(?:missed|ignored) the (?:deprecation|warning|window|deadline|release notes)",
    r"(?:a mess|useless|incompetent|sloppy|lazy|careless) as usual",
)
_POINTED = phrases(
    r"i (?:pointed out|flagged|made sure (?:it was clear|everyone knew)|documented|noted) "
    r"(?:that |both |to \w+ that )?(?:the|they|their|he|she|his|her|both)",
    r"the (?:delay|failure|outage|shortfall|miss|problem|incident) (?:was|came) (?:due to|"
    r"down to|from|because of)",
    r"(?:their|his|her|the other team's|the vendor's|qa's) (?:mistake|fault|error|"
    r"negligence|carelessness|screw-up)",
    r"out of my (?:hands|control)", r"nothing (?:more )?(?:i|we) could (?:have )?(?:do|done)",
    r"(?:bootcamp|junior|new) hires need", r"as usual",
)
_OWNED_PART = phrases(
    r"(?:my|our) (?:own )?(?:mistake|fault|part|share|responsibility|miss|error|blind spot)",
    r"i owned", r"i own (?:that|it|my)", r"(?:partly|also|equally|really) on (?:me|us)",
    r"i should have", r"i took (?:full )?(?:responsibility|ownership|the blame)",
    r"the (?:mistake|error|fault) was (?:ours|mine)", r"i had approved", r"my change too",
    r"i apologi[sz]ed", r"(?:i|we) could have (?:caught|prevented|done better)",
    r"what i (?:could have|should have) done", r"blameless",
)


def blame_shifting(context: Context) -> list[Hit]:
    strong = hits(context, _BLAMED, 0.75)
    weak = hits(context, _POINTED, 0.4)
    owned = present(_OWNED_PART, context.sentences)
    found = strong + weak
    score = total(found)
    if owned:
        score -= 0.6
    return found if score >= FIRES_AT or (strong and not owned and score >= 0.75) else []
