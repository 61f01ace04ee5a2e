"""Passing the buck and blame-shifting: who the story makes responsible."""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.analysis.antipatterns.base import FIRES_AT, Context, Hit, discounted, hits, present, total
from bot.analysis.antipatterns.concepts import OTHER_PARTY, SOMEONE_SENIOR
from bot.analysis.cues import SENIOR, near, phrases

# --- passing the buck -------------------------------------------------------------------
# The idea: the speaker could act, but left it to someone else to stay clear of the blame.

_NOT_MINE_TO_DECIDE = phrases(
    r"above my pay ?grade",
    r"(?:not|wasn't|isn't|never|didn't feel like) (?:really |officially )?my (?:place|call|"
    r"decision|remit|sign-?off|department|area)(?! to (?:manage|help|coach|train|teach|mentor|"
    r"support|step in|babysit|tell (?:him|her|them) how))",
    r"(?:isn't|wasn't|not) (?:mine|yours|ours) to (?:sign off|decide|change|touch|fix|call)",
    r"(?:\w+)'s (?:call|decision|problem) rather than mine", r"rather than mine",
    r"(?:leave|left) (?:the decision|it|that|the call) (?:with|to|for) (?:her|him|them|my|the)"
    r"(?: \w+)?(?: to (?:decide|pick up|deal with|sort))?",
    r"(?:for|to) (?:their|his|her) review", r"chain of command",
    r"(?:safer|better|easier|wiser) (?:for me |for us )?to (?:just )?(?:wait|leave it|let)",
    r"be the ones? (?:held )?responsible", r"(?:risk|avoid) (?:being|getting) blamed",
    r"(?:didn't|did not|don't|wouldn't|wasn't going to) (?:want to )?be the (?:one|person|guy|"
    r"girl) (?:who|to|changing|holding|stopping|making|responsible)",
    r"(?:didn't|did not|don't|wouldn't) want (?:it|this|that|anything|my name) (?:\w{1,30} ){0,3}"
    r"(?:on me|against|on it|blamed)",
    r"(?:coming|come|came|comes) back (?:on|to) me", r"cover (?:myself|my back|my bases)",
    r"(?:clear|documented|on record) (?:that )?i'd done my part",
    r"(?:stick|sticking|stuck) my neck out", r"not (?:my|our) problem to",
    r"(?:that's|it's|it would be|it'd be|it was) on me,? not (?:him|her|them)",
    r"(?:don't|do not|never) touch (?:kit|anything|things|stuff) that isn't",
)
_SOMEONE_ELSES = phrases(
    r"likes? (?:\w{1,30} ){0,3}?to (?:come from (?:him|her|them)|be the one)",
    r"(?:safer|better|wiser) (?:\w{1,30} )?(?:to let|that|if|for) (?:the |my |our |her |his |their )?"
    r"(?:[\w-]{1,30} ){0,2}?(?:decide[sd]?|make the call|made the call|be the one|own it|call it|"
    r"holds? the budget)",
    r"let (?:the|my|our) (?:[\w-]{1,30} ){0,3}?(?:person|one|people) who (?:holds?|owns?|runs?) "
    r"(?:the )?(?:\w{1,30} )?(?:budget|decision|call|relationship)",
    r"(?:is|was|'s|are|were) (?:normally |usually |really |technically |officially |always )?"
    r"(?:the |my |our |his |her |their )?(?:[\w-]+ ){0,3}?(?:\w+)'s (?:decision|call|thing|job|"
    r"area|responsibility|sign-?off|domain|remit|department|problem|business)",
    r"(?:something|stuff|things|decisions?) (?:that )?(?:the )?(?:\w{1,30} ){0,2}(?:supervisors?|"
    r"managers?|leads?|seniors?|directors?|team leads?|controllers?|\w+ team) (?:normally |"
    r"usually |always )?(?:handle[sd]?|do|did|decide[sd]?|signs? off|signed off|approve[sd]?|"
    r"own(?:ed|s)?)",
    r"(?:go|goes|went|had to go) through (?:\w{1,30} ){0,2}(?:sign-?off|approval)",
    r"(?:is|was) the one (?:who|that) signs? (?:it )?off", r"(?:signs?|signed) (?:it )?off,? so",
    r"(?:it's|it is|it was|that's) (?:the )?(?:\w{1,30} ){0,2}(?:guy's|team's|department's|"
    r"manager's|supervisor's|lead's|director's) (?:thing|job|call|problem|area)",
    r"(?:usually|normally) signs? off", r"(?:has|have|had) to (?:be )?(?:signed off|approved) by",
    near(r"(?:felt|seemed|was|is) (?:like )?(?:something|a call|a decision|a job)",
         r"(?:should|to) (?:own|make|decide|handle|take)", 5),
    r"where my role ends", r"(?:his|her|their|the \w+'s) (?:call|decision) to make",
    r"(?:a|the) (?:decision|call|job|matter|question) for (?:the|a|an|my|our|his|her) (?:\w{1,30} )?"
    + SOMEONE_SENIOR,
    near(r"(?:the|my|our|a) (?:\w{1,30} )?" + SOMEONE_SENIOR, r"should (?:be the one to )?(?:deal with|"
         r"handle|decide|sort|take|own|look at|make)", 2),
    near(r"(?:better|best|safer|more appropriate) (?:if it came|coming|to come) from", r"(?:the|my|"
         r"our|a) (?:\w{1,30} )?" + SOMEONE_SENIOR, 1),
    r"should (?:really |properly )?(?:be )?(?:handled|dealt with|decided|done|owned|picked up|"
    r"signed off) by (?:the|my|a|someone|somebody|him|her|them)",
    r"(?:someone|somebody|who was|who's|who is|was) more senior",
    r"(?:was|is) (?:the )?(?:\w{1,30} )?(?:contractor's|supplier's|vendor's|team's|department's|"
    r"manager's|foreman's|landlord's) (?:\w{1,30} )?(?:responsibility|job|call|problem|area|remit)",
    r"(?:belong|belongs|belonged|sit|sits|sat) (?:to|with) (?:the|their|his|her) (?:\w{1,30} ){0,2}"
    r"(?:team|department|desk|manager|lead|supervisor|office|function)",
    near(r"(?:better|best|safer|wiser|right) for (?:a|an|the|my|our|someone|somebody) (?:more )?"
         r"(?:\w{1,30} )?", r"to (?:handle|deal with|decide|do|sort|make|take|own)", 2),
    r"(?:really |normally |usually )?(?:the|their|his|her) (?:\w{1,30} ){0,2}(?:team's|department's|"
    r"desk's|manager's|lead's) (?:area|job|call|remit|patch|responsibility)",
    r"make this decision alone", r"(?:referred|passed|handed|kicked) (?:it|this|the \w+) "
    r"(?:up|over|on)? ?to",
    # Owned by someone else, in the speaker's eyes: "that file wasn't mine", "not my place".
    r"(?:belonged|belongs) to (?:a|an|the|another|their|his|her) ",
    r"(?:wasn't|was not|isn't|is not) (?:really )?mine\b", r", not mine\b",
    r"(?:didn't|did not|doesn't) (?:really )?(?:feel|seem) like my place",
    r"(?:another|the other|other|a different) (?:\w{1,30} )?team's (?:\w{1,30} ){0,2}(?:infrastructure|"
    r"config|code|system|service|file|report|area|domain|server|database|repo|pipeline)",
    r"(?:the|their) (?:\w{1,30} ){0,2}team's (?:\w{1,30} ){0,2}(?:infrastructure|config|code|system|"
    r"service|server|database|repo|pipeline),? not (?:mine|ours|my|our)",
)
_FEARED_BLAME = phrases(
    # Blame landing on the speaker, not blame as a topic ("stop the blame game").
    r"(?:be|being|get|getting|got|been) blamed", r"take the blame", r"the blame (?:would|might|"
    r"could|will) (?:\w{1,30} ){0,2}(?:on|with) me", r"my name (?:at the top|on it|would|against)", r"my user id",
    r"audit trail would", r"look like i(?:'d| had)", r"(?:be|get|getting|i'd be) (?:in )?trouble",
    r"on the hook", r"(?:that's|it's|it'd be|it would be|would be) on me",
    r"(?:questioned|audited|written up|disciplined) (?:\w{1,30} )?"
    r"(?:later|afterwards|for it)", r"(?:if|in case) (?:audit|anyone|someone) question",
    r"(?:has|had|have|with) my name on",
    near(r"(?:didn't|did not|don't|wouldn't|not) want to", r"(?:say|do|get|put|sign) (?:the |it )?"
         r"(?:wrong|the wrong thing|wrong thing)|get (?:it|this|that) wrong|mess (?:it |this )?up|"
         r"make (?:it|things) worse|get (?:involved|dragged) in", 3),
    near(r"(?:didn't|did not|don't|wouldn't|not) want", r"(?:blame\w*|my name|traced|the one|"
         r"my (?:change|call|fault|decision|mistake|signature|name|initials)|alone|responsib\w+|"
         r"trouble|explain\w*|"
         r"on me|backfire|come back|against me|pointing out|on my (?:\w{1,30} )?record)", 8),
    r"(?:i'd|i would|i'll|i will) (?:have )?be(?:en)? the one",
    r"(?:didn't|did not|don't|wouldn't) want to be (?:the|that) (?:\w{1,30} ){0,2}(?:who|that)",
    r"(?:my|our) (?:name|id|signature|initials) (?:\S{1,40} ){0,3}(?:on|against|at the top)",
    r"(?:go|went|goes|come|came) after (?:whoever|anyone|the person)",
    r"(?:questioned|queried|challenged) (?:one of )?my", r"against my name",
    r"(?:would have been|would be|it'd be|would've been|it'd have been) on me",
    r"asking for trouble", r"(?:look|looked|looks|looking) (?:really |pretty |very )?bad (?:for|on) "
    r"(?:me|my)",
    # Covering oneself: the ticket as proof, not as a fix.
    r"(?:to show|so i could show|proof) (?:that )?i(?:'d| had) (?:raised|flagged|reported|told|"
    r"escalated|mentioned)",
    # The cost of a call landing on the speaker: "the standby costs would sit on a change I'd
    # made", "it is my reassignment the client will ask about".
    r"(?:would|will|'d|might|could) (?:\w{1,30} ){0,2}(?:sit|land|fall|come back|rest|be pinned) on "
    r"(?:me|my|a (?:\w{1,30} )?(?:change|decision|call|booking|swap) i(?:'d| had)? (?:made|taken))",
    r"(?:it is|it's|it would be|it'd be) my (?:\w{1,30} ){0,2}(?:the|they|he|she|the \w+) "
    r"(?:will|would|'d) (?:ask|question|look) (?:about|at)",
    r"(?:was|were) the last thing i (?:wanted|needed)",
    r"i made sure (?:the |my )?(?:\w{1,30} ){0,2}(?:trail|record|log|ticket|report) (?:showed|shows|"
    r"was clear)",
)
# Vaguer worry about what acting could lead to; weaker on its own.
_FEARED_VAGUE = phrases(
    r"if (?:it|i|this|the \w+) (?:\w{1,30} ){0,4}(?:turned out|went wrong|got it wrong|broke|"
    r"double-posted|was wrong|were wrong|goes wrong|go wrong)",
    r"if i (?:\w{1,30} ){0,3}(?:and|it) (?:it )?(?:goes|went|turned|broke)",
    r"(?:it|that) would look like", r"just in case",
    r"(?:the |a )?(?:safe|safer|safest) (?:choice|option|bet|thing|move|route|call)",
    r"(?:wasn't|was not|not) (?:sure|certain) (?:how serious|whether|if) (?:it|i)",
    r"in case (?:anything|something|it|i|things) (?:went|goes|go|got) wrong",
    # What happened to the last person who made such a call.
    r"(?:had been|got|was|were|been) (?:\w{1,30} )?(?:pulled up|told off|disciplined|written up|"
    r"hauled in|reprimanded|in trouble|called in) (?:over|for|about)",
    r"(?:doesn't|didn't|wouldn't|does not|did not) go down well",
    r"(?:so )?the record was clear",
)
# Meanwhile the problem waited: hours or days pass, someone else is away.
_DELAYED = phrases(
    r"(?:waited|wait|took|sat|was left) (?:\S{1,40} ){0,3}(?:about |around |nearly |over )?(?:\d+|an?|"
    r"two|three|four|ninety|several) (?:hours?|days?|weeks?|minutes)",
    r"(?:didn't|did not) (?:see|read|pick up|get to) (?:it|the \w+|my \w+) until",
    r"(?:was|were) (?:away|on leave|on holiday|off|at a wedding|on a course|on a flight|"
    r"unreachable|out)(?: \w+){0,3} (?:until|the following|that|the next|for)",
    r"by then", r"(?:about |around |nearly |over )?(?:an?|\d+|two|three|four|several) (?:hours?|"
    r"days?|weeks?) later", r"nothing happened (?:for|until)",
    r"(?:got round|got around|got back|responded|replied|looked at it|called back|"
    r"rang back) (?:to (?:it|them|him|her) )?(?:\S{1,40} ){0,3}(?:days?|weeks?|hours?) later",
    r"(?:still|was still) (?:\S{1,40} ){0,3}(?:open|there|taped|running|down|broken) "
    r"(?:at the end|the next|when)",
)
_DEFERRED = phrases(
    r"(?:paged|emailed|messaged|pinged|called|asked|told|radio|radioed|escalated (?:it )?to|"
    r"forwarded (?:it )?to|sent|copied|cc'd|flagged it (?:to|for)|raised a ticket with) "
    + SENIOR,
    r"(?:left|stuck|put) (?:a |an )?(?:post-it|sticky note|note|message|voicemail) (?:on|in|"
    r"for)",
    r"flagged (?:it )?in (?:his|her|their) inbox", r"(?:for|till|until) (?:monday|tomorrow|"
    r"(?:he|she|they) (?:was|were|got|came|'s|is|are) back|the next (?:day|week|shift|meeting)|"
    r"the (?:weekly|quarterly|monthly) (?:\w{1,30} )?(?:review|inspection|meeting)|next week)",
    r"(?:wait|waited|waiting|wait until|waited until) (?:for )?" + SENIOR,
    r"went back to (?:the till|my|work|picking|packing|my desk|the floor)",
    r"(?:kept|carried on|went back to|continued) (?:refreshing|picking|working|running|"
    r"watching|monitoring|doing my|packing)",
    r"(?:we all|everyone|everybody) (?:just )?(?:stand|stood|waited|sat) (?:there|around)",
    r"kept my head down",
    r"figured (?:if|someone|the \w+|that the \w+) (?:\w{1,30} ){0,8}(?:would|will|'d) (?:pick it up|"
    r"catch it|deal with it|sort it|handle it|spot it|notice)",
    r"(?:for|pending) (?:their|his|her) (?:review|decision|sign-off|approval)",
    r"(?:kept|left) (?:it|the issue) on (?:our|the) (?:\w{1,30} )?tracker",
    r"(?:nothing|nobody) (?:happened|did anything|acted) until",
    r"(?:a|the) (?:\w{1,30} )?(?:would be in touch|will be in touch|would call)",
    r"(?:the )?(?:\w{1,30} )?(?:gm|manager|supervisor|lead|director|owner|team|office) (?:would|will) "
    r"(?:contact|call|ring|get back to|be in touch with|reach out to|follow up with) (?:them|him|"
    r"her|you)",
    r"(?:mentioned|passed) it (?:on )?to (?:their|his|her|the) (?:\w{1,30} )?(?:foreman|manager|"
    r"supervisor|lead|team|office) and left it",
    near(r"(?:left|sent|wrote|emailed|messaged|assigned|referred|forwarded|passed|handed|"
         r"mentioned|raised|logged|flagged|escalated|radioed|paged|texted|pinged|told|"
         r"created a ticket|opened a ticket)", r"(?:to|for|with) (?:the |my |our |his |her )?"
         r"(?:\S{1,40} ){0,2}" + SOMEONE_SENIOR, 6),
    r"left (?:a |an )?(?:\w{1,30} )?(?:message|note|voicemail|ticket)", r"on (?:his|her|their) desk",
    r"(?:at|by) the next (?:\w{1,30} )?(?:break|review|meeting|month-end|cycle)", r"in passing",
    r"(?:to|for) (?:\w{1,30} ){0,3}to pick up", r"(?:said|told (?:them|him|her)) (?:that )?the "
    r"(?:\w{1,30} )?(?:manager|supervisor|lead|team) (?:will|would)",
    r"(?:assigned|handed) it to (?:him|her|them)", r"(?:referred|passed) it (?:up|on|to)",
    r"went (?:to )?(?:find|get|fetch|look for) (?:the|my|a) (?:\w{1,30} ){0,2}" + SOMEONE_SENIOR,
    r"(?:wait|waited|waiting|hold on|held on) (?:\S{1,40} ){0,2}(?:until|till|for) (?:the )?(?:morning|"
    r"next|day|night|ward) (?:\w{1,30} )?(?:round|shift|handover|meeting|team)",
    r"(?:put|left|dropped) (?:a |the )?(?:note|message|form|file|it) (?:in|on) (?:his|her|their|"
    r"the \w+'s) (?:tray|desk|inbox|pigeonhole)",
    r"(?:someone|somebody|a \w+|the \w+) (?:would|will) (?:call|ring|get) (?:them |him |her )?back",
    r"(?:radioed|called|rang|phoned|texted|messaged|paged|emailed|pinged) (?:him|her|them|it "
    r"in|it through|\w+) and (?:then )?waited",
    r"(?:raised|logged|opened) a ticket (?:for|with) (?:them|the)",
    r"(?:emailed|texted|messaged|called|rang|phoned|pinged) (?:the |my |our )?(?:\S{1,40} ){0,3}"
    r"(?:agent|office|manager|supervisor|lead|landlord|owner|team|desk)(?:'s)? (?:\S{1,40} )?and "
    r"(?:left|waited)",
)
_COULD_ACT = phrases(
    r"(?:i|we) (?:had|have|technically had|technically have) (?:the |full |admin |production |"
    r"prod |edit |a |all the )?(?:access|authority|permission|rights|edit rights|credentials|"
    r"ability|training|keys|refund button|button|tools|system access)",
    r"\bhad (?:full |the |admin |the full )?(?:authority|access|permission|rights|sign-?off|the "
    r"power|the budget) (?:to|up to|for)",
    r"(?:any|every) (?:\w{1,30} )?(?:analyst|technologist|engineer|nurse|operator|one|employee|"
    r"member|associate|developer|picker|agent) (?:can|could|is allowed)",
    r"i(?:'m| am| was|'d been| had been) (?:\S{1,40} )?(?:trained|signed off|authori[sz]ed|certified|"
    r"allowed|qualified)",
    r"(?:procedure|runbook|policy|process|playbook) (?:\w{1,30} )?(?:says|said|covered|allows|"
    r"allowed|for exactly)",
    r"technically (?:i|we) (?:could|had|have|can)",
    r"(?:i|we) could have (?:\w{1,30} ){0,2}(?:moved|fixed|done|posted|restarted|rolled|changed|"
    r"cleared|made|raised|stopped|held)",
    r"(?:there was|we had) a runbook", r"i'd done (?:similar|this|it|that) (?:ones )?before",
    r"(?:free|available) rooms", r"i could see (?:exactly |the )", r"i (?:know|knew) (?:the|how)",
    r"watched it (?:done|being done)", r"i've done (?:it|this|that)",
    r"i (?:had|have|held|was given) (?:\S{1,40} ){0,3}(?:access|authority|keys?|rights|permissions?|"
    r"admin|login|button|ability|power|budget)",
    r"i (?:was|am) (?:\S{1,40} ){0,2}(?:authori[sz]ed|allowed|trained|signed off|qualified|"
    r"certified|able) to",
    r"(?:is|are|was|were) (?:\S{1,40} ){0,2}(?:mine|ours) to (?:decide|call|fix|approve|do)",
    r"(?:\w+s|staff|setters|anyone|any member of staff) (?:are|is) allowed to",
    near(r"(?:any|every) (?:member|\w+)", r"(?:can|could|may|is allowed|are allowed)", 4),
    r"i could have (?:\S{1,40} ){0,6}?(?:myself|just)", r"it's in the (?:\w{1,30} )?(?:handbook|"
    r"procedures?|runbook|policy|playbook)",
    r"(?:procedure|policy|handbook|runbook|playbook)(?:\S| ){0,60}(?:says|covers|allows|lets)",
    r"(?:is|was) (?:laminated|written|posted|documented) on",
    r"i could see how to (?:fix|solve|change|do|sort|correct)",
)
_ACTED_ANYWAY = phrases(
    r"(?:so|and|then) i (?:rolled (?:it )?back|restarted|fixed|went ahead|made the call|"
    r"acted|cleared|unpublished|pulled|reverted|posted the|moved the|did it|took the decision|"
    r"decided to act|ran the|applied|recalibrated|switched|put (?:it|the \w+) on hold|stopped)",
    r"(?:rather than|instead of|without) (?:just )?wait(?:ing)?", r"(?:didn't|did not) wait",
    r"i made the call", r"within my authority",
)


# Escalating at once, with the facts, is owning the problem within one's authority.
_PROMPT_ESCALATION = phrases(
    r"(?:the same|that) (?:day|morning|afternoon|evening|night|hour),? (?:i|we) (?:\w{1,30} )?"
    r"(?:told|rang|called|phoned|emailed|briefed|messaged|informed|paged|escalated|raised|flagged)",
    r"(?:a |my )?(?:suggested|proposed|recommended) (?:next step|fix|option|plan|course of action)",
    r"rather than wait(?:ing)? (?:for|until)", r"saw it (?:straight away|right away|immediately|at once)",
    # Taking it to the person whose call it is, at once and ready to decide.
    r"(?:told|rang|called|phoned|emailed|briefed|messaged|informed|paged) (?:the|my|our|him|her|"
    r"them) (?:\w{1,30} ){0,3}?(?:the same day|that (?:day|morning|afternoon|evening|night)|straight "
    r"away|right away|immediately|within (?:the|an|\d+|a few))",
    r"(?:gave|brought|took|sent) (?:him|her|them|the \w+|my \w+) (?:two|three|\d+|a few|some|"
    r"clear) (?:options|choices|recommendations?|proposals?|alternatives)",
    r"(?:i|and) recommended (?:the|option|that|we|a|going)",
    r"(?:drafted|prepared|wrote) (?:the|a) (?:\w{1,30} )?(?:report|proposal|recommendation|request) "
    r"(?:\S{1,40} ){0,3}(?:for|so) (?:him|her|them|the \w+|my \w+)",
    near(r"(?:called|phoned|rang|paged|messaged|emailed|texted|woke|escalated|went to)",
         r"(?:straight away|right away|immediately|at once|within (?:\w{1,30} )?(?:minutes?|the "
         r"hour|an hour))", 8),
)


def passing_the_buck(context: Context) -> list[Hit]:
    explicit = hits(context, _NOT_MINE_TO_DECIDE, FIRES_AT)
    if explicit and not present(_PROMPT_ESCALATION, context.story):
        return explicit
    someone_elses = hits(context, _SOMEONE_ELSES, 0.5)
    feared = hits(context, _FEARED_BLAME, 0.6) + hits(context, _FEARED_VAGUE, 0.4)
    if not (someone_elses or feared):
        return []
    deferred = hits(context, _DEFERRED, 0.4)
    could = hits(context, _COULD_ACT, 0.4)
    if not (deferred or could):
        return []
    if present(_ACTED_ANYWAY, context.story):
        return []
    # The cost of waiting (hours pass, the senior person is away) adds to the picture.
    delayed = hits(context, _DELAYED, 0.3)
    found = someone_elses + feared + deferred + could + delayed
    return found if total(found) >= FIRES_AT else []


# --- blame-shifting ---------------------------------------------------------------------
# The idea: the failure belongs to others; the speaker's part is absent or defended.

_NOT_OURS = phrases(
    r"(?:was|is|were|wasn't|isn't) (?:100% |all |entirely |completely |really |mostly |"
    r"ultimately |honestly |squarely |clearly |totally )?(?:on them|their fault|on their "
    r"(?:side|end)|down to them|their (?:problem|mistake|doing|mess)|not (?:on )?(?:us|me|my "
    r"fault|our fault|my problem|on us|on me))",
    r"(?:that one |this one |it )?(?:wasn't|was not|isn't) (?:really )?on (?:us|me|our (?:side|"
    r"team)|my (?:side|team))",
    r"not (?:really )?(?:our|my) fault", r"completely (?:their|his|her) (?:mess|fault|doing)",
    r"(?:the )?(?:main |real |root |actual )?(?:issue|problem|cause|gap) was (?:on|with|in) "
    r"(?:their|the other|qa|the vendor|upstream)",
    r"not (?:really )?(?:something|anything) (?:my|our|i) (?:department|team|squad|side|"
    r"could)(?:\w| ){0,20}(?:control|do|have done)",
    r"(?:not much|nothing (?:more )?) (?:i|we) could (?:have )?(?:do|done)(?: (?:with|about) "
    r"(?:that|it))?",
    r"(?:made|make) (?:it )?(?:very |really )?clear (?:that )?(?:the|my|our) [\w-]+ "
    r"(?:was|were|wasn't) (?:not )?(?:the|to blame|at fault)",
    r"nothing (?:i'd|i would) change on my (?:side|end)", r"came from upstream",
    r"(?:they|he|she|qa|\w+ team) (?:clearly|obviously) (?:didn't|hadn't|couldn't)",
    r"nobody on (?:his|her|their) (?:\w{1,30} )?bothered",
    r"a (?:hiring|onboarding|process|training|vendor|qa|testing|management|staffing|resourcing|"
    r"resource|supply|system|systems|tech|technology|budget|data|design|it)(?:/\w+)? "
    r"(?:problem|issue|failure),? not",
    r"i still think (?:we|i) did everything",
    r"(?:wasn't|was not|weren't) (?:my|our) (?:issue|problem|fault)",
    r"(?:i|we|my (?:\w{1,30} ){0,2}|our (?:\w{1,30} ){0,2})(?:wasn't|was not|weren't) the (?:issue|"
    r"problem)",
    r"(?:a mess|useless|incompetent|sloppy|lazy|careless) as usual",
    r"(?:belonged|belong|belongs) to other people",
    r"(?:attributed|assigned|pinned) (?:\w{1,30} ){0,3}to the (?:party|people|team|person)",
    r"the party that caused",
    r"so (?:it's|it is|it was|it'd be) (?:clear|obvious|on record) (?:whose|who)",
    r"(?:doesn't|didn't|does not) reflect (?:the|our|my) (?:work|effort)",
    r"nothing (?:to do )?with (?:me|us|my team|our side)", r"(?:their|his|her) fault,? not",
    r"(?:started|came|originated) with (?:their|his|her) (?:deploy|change|mistake)",
    r"not with anything on (?:our|my) side",
    near(r"(?:so|to show|showing|making sure|made sure|so that)", r"(?:it was clear "
         r"(?:which|who|whose|that (?:they|the|it wasn't))|it "
         r"wasn't (?:down to|on) (?:me|us)|(?:which|what) (?:party|team|person) caused|knew it "
         r"wasn't|could see it wasn't|(?:clear|see|saw|show\w*|knew|know|obvious) who (?:hadn't|"
         r"wasn't|didn't)|who was responsible|whose "
         r"fault|was the trigger|was (?:\w+'s|their) gap|wasn't (?:our|my) fault)", 10),
    r"wasn't (?:down to|on) me", r"wins the argument", r"best records",
    # The speaker's side cleared in so many words.
    r"rather than (?:anything|something) (?:we|i)(?:'d| had)? (?:done|did)",
    r"(?:my|our) (?:[\w-]{1,30} ){0,2}(?:was|were) never the (?:problem|issue)",
    r"(?:wasn't|was not|isn't) (?:a lot|much|anything) (?:more )?(?:that )?(?:i|we) could (?:have )?"
    r"(?:done|do)",
    r"only so much (?:you|i|we|anyone|one) can do (?:when|if) (?:they|people|patients|customers|"
    r"clients|users|students|parents|staff|members)",
)
# Pointing at others in ways that are also said innocently: they count only with company.
_POINTED = phrases(
    r"because of (?:them|their|qa|the other team|the vendor)",
    r"(?:honestly|basically|tbh) (?:the (?:main )?issue|the problem) was",
    r"(?<!so )(?:they|he|she) (?:just |clearly |simply |obviously )?(?:hadn't|didn't|never|"
    r"wouldn't) (?:read|watch|bother|check|test|follow|scan|listen|pay attention|prepare)",
    r"(?:didn't|did not|never|hadn't|weren't|wasn't) (?:\w{1,30} ){0,3}(?:like|as) (?:they|he|she) "
    r"(?:were|was|had been) (?:supposed|told|asked) to",
    r"(?:they|he|she|the [\w-]+(?: team)?) (?:had )?(?:missed|ignored) the (?:deprecation|"
    r"warning|window|deadline|release notes)",
    r"(?:so it was|to make sure it was) documented", r"rubber-stamped",
    r"(?<!i )(?<!we )(?:drop|drops|dropped|dropping) the ball", r"dragged (?:their|his|her) feet",
    r"(?:wasn't|weren't|not) pull(?:ed|s|ing)? (?:their|his|her) (?:own )?weight",
    r"(?<!matter )whose fault", r"who caused (?:what|it|the)",
    r"(?:had|have|got) (?:him|her|them|the \w+) written up", r"outside (?:my|our) control",
    r"paper trail", r"someone else's decision",
    r"(?:named|attributed|pinned) (?:\S{1,40} ){0,6}(?:as (?:the )?owners?|to (?:those|the "
    r"other|them))",
    r"(?:explained|said) that (?:\w{1,30} ){1,3}(?:had been told|should have|hadn't|didn't|was "
    r"supposed)(?! to)",
    r"(?:they|he|she|qa|the [\w-]+(?: team)?|[\w-]+ team|the others) (?:also |still )?"
    r"(?:should|should have|should still have|was supposed to|were supposed to) "
    r"(?:also |still )?(?:have )?(?:caught|flagged|checked|told|trained|read|reviewed|noticed|"
    r"tested|warned|done)",
    r"i (?:pointed out|flagged|made sure (?:it was clear|everyone knew|\w+ heard)|documented|"
    r"noted) (?:that |both |to \w+ that )?(?:the|they|their|he|she|his|her|both|exactly)",
    r"the (?:delay|failure|outage|shortfall|miss|problem|incident) (?:was|came) (?:due to|"
    r"down to|from|because of)",
    r"(?:their|his|her|the other team's|the vendor's|qa's) (?:mistake|fault|error|"
    r"negligence|carelessness|screw-up)",
    r"out of (?:my|our) (?:hands|control)", r"(?:bootcamp|junior|new) hires need",
    r"as usual", r"(?:on record|in writing),? so", r"(?:reported|escalated) (?:the|our) "
    r"(?:supplier|vendor|contractor|agency) to", r"frankly,? (?:the|they)",
    r"(?:never|didn't) even (?:looked|read|checked)", r"(?:the )?(?:real|root) cause was",
    r"the (?:reasons?|causes?) (?:were|was) (?:pretty )?(?:clear|obvious|simple)",
    r"(?:it was )?clear where it had come from", r"on top of that",
    r"(?:with no|without any?) warning", r"(?:didn't|did not|never) (?:answer|reply to) "
    r"(?:emails|messages|calls)", r"basically disappeared", r"kept changing",
    r"(?:hadn't|weren't|wasn't) (?:been )?doing (?:their|his|her)",
    r"(?<!\bi )(?<!\bwe )(?:wasn't|was not|weren't|were not) the (?:issue|problem)",
    # Naming another party as the cause: "the sub was the root of it", "a big reason was…".
    r"(?<!\bi )(?<!\bwe )(?:was|were) (?:the|a) (?:root|real reason|main reason|cause|source|root "
    r"cause|reason) (?:of (?:it|this|that|the \w+)|for (?:it|this|that|the \w+))",
    r"(?:a|the) (?:big|main|major|real|biggest|key) (?:reason|factor|cause) (?:was|were) (?:the|"
    r"their|his|her|that (?:the|they|he|she))",
    r"(?:put|pinned|coded|chalked|written) down to (?:the|their|his|her)(?! (?:my|our))",
    r"(?:tells|told|shows|showed) you (?:where|who|whose) (?:the )?(?:problem|fault|issue|blame)",
    r"(?:feeds?|fed|gave|gives|give|hands?|handed) (?:you|us|me) (?:bad|wrong|incomplete|inaccurate|"
    r"garbage) (?:info|information|data|numbers|specs?|briefs?)",
    # The speaker's own side declared clear: "picked them on price, not me".
    r", not (?:to |with |on |from )?(?:me|us|mine|ours|my (?:\w{1,30} )?(?:team|side|department|"
    r"crew|management)|our (?:\w{1,30} )?(?:team|side|department|crew|management))(?=[.,;]|$)",
    r"(?:mistake|fault|problem|error|issue|delay|blame)s? (?:\w{1,30} ){0,2}(?:wasn't|was not|"
    r"weren't) (?:\w{1,30} )?(?:on|with|down to|from) (?:the|us|me|my|our)",
    r"(?:we|i) (?:built|delivered|did|made|wrote|shipped|produced) (?:exactly )?what (?:they|he|she|"
    r"the \w+|we were|i was) (?:asked|told|specified|wanted|signed off)",
    r"(?:it|my \w+|the \w+ i wrote) worked (?:in|for) every (?:case|scenario|test)",
    r"so (?:we|i) (?:were|was) covered",
    r"nothing (?:that )?(?:i|we|my team|our team) could (?:have )?(?:caught|done|prevented|changed)",
    r"(?:the )?(?:core|main|real|root|actual|biggest|underlying) (?:issue|problem|cause) (?:was|were) "
    r"(?:the|their|his|her|that (?:the|they|he|she))",
    r"(?:no|little) incentive to get it right",
    # The cause placed on someone else's side of the line.
    r"(?:came|come|coming|was|were) (?:really |mostly |all |entirely )?(?:from|on) (?:her|his|their|"
    r"the (?:\w{1,30} ){0,2}?[\w-]+'s?) (?:side|end)",
    r"(?:was|were) (?:largely |mostly |all |partly )?inherited",
    r"(?:none|nothing|little) of (?:that|this|it) (?:was|were) (?:anything|something) (?:i|we) "
    r"could",
    r"(?:coded|logged|recorded|booked|charged|put) (?:the |this |that |it |each )?(?:\w{1,30} )?"
    r"(?:delay|fault|cost|incident|failure|overrun|loss)?s? (?:against|down to) (?:the|their|his|her)",
    r"(?:each|every) (?:party|person|team|department|supplier)'s (?:part|share|role|contribution|"
    r"delay|fault)",
    r"(?:defect|fault|failure|issue|problem|error) (?:\w{1,30} ){0,2}(?:outside|beyond) (?:our|my) "
    r"(?:control|remit)",
)
_OWNED_PART = phrases(
    r"(?<!n't )(?<!not )(?:my|our) (?:own )?(?:mistake|fault|miss|error|blind spot)",
    r"my (?:part|share) (?:in|of) (?:it|this|that|the (?:failure|problem|outage|incident|"
    r"miss|delay))", r"owned my (?:part|share)",
    r"i owned (?:it|that|up|my|the (?:mistake|error|miss|failure|outcome|problem))",
    r"i own (?:that|it|my)",
    r"(?:partly|also|equally|really) on (?:me|us)",
    r"i should have", r"i took (?:full )?(?:responsibility|ownership|the blame)",
    r"the (?:mistake|error|fault) was (?:ours|mine)", r"i had approved", r"my change too",
    r"i apologi[sz]ed",
    r"(?<!nothing )(?<!nothing that )(?<!nothing )(?:i|we) could have (?:caught|prevented|done better)",
    r"what i (?:could have|should have) done", r"blameless", r"on my side,? i",
    r"i (?:missed|overlooked|got (?:it|that) wrong)",
)

# Owning a share of it in other words: "my own part", "my alerting should have caught it".
_OWNED_TOO = phrases(
    r"(?:my|our) own (?:part|share|role|contribution|mistakes?)",
    # The speaker's own link in the chain: "the dig plan was mine to approve, and I'd signed it
    # off without trial holes", "signing a plan means owning its assumptions".
    r"(?:was|were) (?:mine|ours) to (?:approve|sign|check|own|catch|decide|review|test)",
    r"i(?:'d| had) (?:signed|approved|passed|sent|shipped|released|merged) (?:it|that|this|them|the "
    r"\w+(?: \w+)?) (?:off )?without",
    r"(?:means|meant|mean) owning",
    r"(?:my|our) (?:[\w-]+ ){0,2}should (?:also )?have (?:caught|flagged|failed|checked|been|"
    r"spotted|noticed|pushed|asked|confirmed|planned)",
    r"(?:took|take|taking) (?:full )?ownership", r"i(?: had)? (?:also |badly )?(?:underestimated|"
    r"misjudged|overlooked)", r"i had (?:never|not) (?:confirmed|checked|asked|tested|planned)",
    r"(?:looked|look) at (?:my|our) own", r"my (?:own )?(?:missed|late|wrong|bad) \w+",
    r"my (?:\w{1,30} )?(?:oversight|slip|misjudg\w+)", r"(?:part|some) of (?:it|that|"
    r"the \w+) was (?:on )?(?:me|"
    r"mine|us|ours)",
)

# Something going wrong at another party's hands: missed, late, wrong, never done, changed.
_FAULT = "(?:" + "|".join((
    r"(?:hadn't|had not|didn't|did not|never|wasn't|weren't|failed to|forgot to|neglected to|"
    r"wouldn't|couldn't be bothered to)(?: even| properly| actually| really| bother to| been){0,2} "
    r"(?:read|watch|check|test|scan|follow|flag|tell|warn|reply|respond|answer|post|show up|"
    r"turn up|dispatch|deliver|send|update|fix|clean|clear|train|review|notice|catch|do|doing|"
    r"prepare|attend|sign|confirm|pass|hand|mention|communicate|document|maintain|ask|set|"
    r"bother|listen|give|provide|plan|staff|turn|pull|scanning|following|checking|testing)\w*",
    r"(?:was|were|had been|is|are) (?:\w{1,30} )?(?:late|slow|wrong|short|sloppy|unclear|vague|"
    r"strict|pedantic|unresponsive|useless|careless|unreachable|behind|a mess|disorganised|"
    r"disorganized|understaffed|short-staffed|short of \w+|incompetent|unhelpful|inconsistent|"
    r"off|poor|junk)\b",
    r"(?:sent|delivered|supplied|shipped|gave us|issued|installed|configured|fitted|booked|"
    r"set) (?:us |me )?(?:the |a |an |our \w+ )?(?:wrong|faulty|incorrect|incomplete|bad|"
    r"defective|damaged|revised|smaller)",
    r"(?:arrived|delivered|came|turned up|showed up|landed|submitted|issued|released) (?:\S{1,40} ){0,5}"
    r"(?:late|behind schedule|after the deadline|after we'd)",
    r"kept (?:changing|rewriting|missing|moving|adding|rotating|cancel\w+|ignoring|sending|"
    r"raising|pushing|delaying|slipping|forgetting|shipping)",
    r"(?:missed|blew|ignored|skipped) (?:\S{1,40} ){0,2}(?:deadlines?|commitments?|window|warnings?|"
    r"release notes|handover|steps?|checks?|dates?|sessions?|counts?)",
    r"(?:cancel\w+|pulled|shorted|dropped|changed) (?:\S{1,40} ){0,4}(?:at (?:the )?last minute|at less "
    r"than|without (?:notice|warning|telling|checking|asking))",
    r"(?:rolled out|pushed|deployed|made|signed off|changed) (?:\S{1,40} ){0,4}without (?:telling|"
    r"warning|checking|testing|reading|consulting)",
    r"(?:contributed|did|delivered) (?:almost |next to |basically )?nothing",
    r"(?:basically |just )?(?:disappeared|vanished|went (?:quiet|silent|awol|missing))",
    r"(?:was|were|is|are) (?:the ones? )?(?:who(?:'s| is| was| were)? )?(?:supposed|meant) to",
    r"(?:just )?copied", r"(?:dragged|drag) (?:their|his|her) feet",
    r"(?:and|but) (?:hadn't|didn't|never did|wasn't|weren't)(?=[.,;]|$)",
    r"badly (?:documented|planned|managed|run|written|organised|organized|briefed|specified|"
    r"configured|scoped|designed|communicated)",
    r"despite (?:the|our|my|every|repeated) (?:\w{1,30} )?(?:notice|warnings?|instructions?|reminders?|"
    r"emails?|requests?|freeze)",
    r"(?:rostered|staffed|sent|gave us|allocated|provided|supplied|budgeted) (?:us )?(?:too few|"
    r"too "
    r"little|not enough|far fewer|fewer)",
    r"(?:gave|sent|supplied|provided|handed) (?:\w{1,30} )?(?:the |a |an )?(?:wrong|incorrect|outdated|"
    r"incomplete|bad|old)",
    r"cut (?:our|the|my) (?:\w{1,30} )?(?:hours|budget|staff|staffing|team|headcount|resources?)",
    r"(?:sent|supplied|gave us|provided) (?:us )?(?:weak|poor|bad|unsuitable|unqualified|"
    r"untrained|inexperienced) ",
    r"(?:came|arrived|turned up|showed up) (?:\S{1,40} ){0,3}(?:unable|without|unprepared|untrained)",
    r"got (?:the |their |our |his |her )?(?:\S{1,40} ){0,3}wrong", r"at the last minute",
    r"unreliable", r"took (?:ages|forever|weeks|months|days) to", r"kept not",
    r"should (?:also |still )?have (?:\w+ed|caught|flagged|told|known|seen|done|sent|read)",
    r"(?:was|were) (?:the )?(?:\w+'s|their|his|her) (?:responsibility|job|call|fault|problem)",
    r"(?:filled in|filled out|sent|submitted|provided|gave) (?:\S{1,40} ){0,3}(?:was|were) "
    r"(?:incomplete|wrong|inaccurate|missing|late|out of date)",
    r"(?:was|were|had been) (?:caused|driven|triggered|damaged|ruined|undermined|hurt|delayed|"
    r"held up|blocked|derailed|sunk) by (?!me\b|my\b|us\b|our\b|myself)",
    r"(?:delivered|sent|supplied|shipped|brought) (?:only )?(?:half|part|some|a fraction|fewer|"
    r"less)",
    r"left (?:early|halfway|before the end|without (?:telling|warning|notice))",
    r"(?:impossible|difficult|hard) to (?:please|work with|reach|pin down)",
    r"(?:moving|moved|changed|changing) the goalposts",
    r"(?:like|as) (?:they|he|she)(?:'d| had)? (?:promised|agreed|said they would)",
    r"mis(?:labell?ed|read|configured|keyed|filed|routed|handled|reported|quoted)",
    r"(?:had )?(?:come|came) (?:from|out of) (?:the|their|his|her) (?:\w{1,30} )?(?:department|team|"
    r"office|"
    r"side|supplier|vendor|agency|contractor)",
    r"(?:didn't|did not|never|hadn't|weren't|wasn't) (?:\w{1,30} ){0,3}(?:like|as) (?:they|he|she)"
    r"(?:'d| had| were| was)(?: been)? (?:supposed|told|asked) to",
)) + ")"
# A third party at the start of a clause, then what they got wrong.
# A third party failing: a clause whose subject is not the speaker, then what went wrong.
# Found by locating the failure first and reading its clause back to the clause start.
_FAULT_CUE = phrases(
    _FAULT,
    # With the subject checked below, any duty left undone counts: "sales never shared it".
    r"(?:hadn't|had not|didn't|did not|never|failed to|forgot to|neglected to) (?:even |properly "
    r"|actually |really |once )?[a-z]+",
)
_CLAUSE_BREAK = re.compile(
    r"(?:[,;:(]|\s-|\b(?:and|but|because|since|as|while|so|when|then)\b)\s*"
)
_SPEAKER_FIRST = {"i", "we", "i'd", "i'm", "i've", "i'll", "we'd", "we're", "we've", "me", "us"}
_PARTY_AT_START = re.compile(OTHER_PARTY + r"\b")
_MAX_SUBJECT_WORDS = 9


def _others_failed(context: Context, weight: float) -> list[Hit]:
    found: list[Hit] = []
    for sentence in context.story:
        if not _FAULT_CUE.may_match(sentence.low):
            continue
        breaks = [brk.end() for brk in _CLAUSE_BREAK.finditer(sentence.low)]
        for match in _FAULT_CUE.finditer(sentence.low):
            # The clause starts after the last break that ends before the failure.
            before = bisect_right(breaks, match.start())
            start = breaks[before - 1] if before else 0
            words = sentence.low[start:match.start()].split()
            if not words or len(words) > _MAX_SUBJECT_WORDS or words[0] in _SPEAKER_FIRST:
                continue
            if words[0] in ("my", "our") and not _PARTY_AT_START.match(sentence.low, start):
                continue
            if not discounted(context, sentence, start):
                cue = sentence.low[start:match.end()]
                found.append(Hit(sentence, weight, cue, id(_FAULT_CUE)))
                break
    return found

# The speaker makes sure others see whose fault it was, or declares their own part spotless.
_CAUSE = (
    r"(?:(?:where|who|whose) (?:\S{1,40} ){0,3}?(?:fault|blame|came from|come from|went wrong|"
    r"caused|responsib\w+|dropped|was late|were late|missed|failed)|where (?:the |all the |our )?"
    r"(?:time|delay|hours|days|money) (?:actually |really )?went|which (?:party|team|person)|"
    r"cause\w*|came from|come from|started|start|"
    r"originat\w+|fault|to blame|responsib\w+|wasn't|weren't|didn't|hadn't|not (?:down to|on|"
    r"with|from) (?:me|us|my|our)|down to|outside|in context|land\w* with|s[ai]t with|lay with|"
    r"fall on|owners?|how (?:it|this|that) (?:had )?happened|why (?:it|this|that) (?:had )?"
    r"happened|why (?:we|it|things|the \w+) (?:were|was|had been|ran) (?:\w{1,30} )?(?:late|delayed|"
    r"behind|short|over))"
)
_REVIEWER = (
    r"(?:she|he|they|everyone|everybody|it|my (?:\w{1,30} )?(?:manager|director|boss|lead|supervisor|"
    r"tutor|lecturer)|the (?:\w{1,30} )?(?:manager|director|client|board|panel|markers?|lecturer|"
    r"module leader|reviewers?|examiners?|auditors?))"
)
_DEFENDED = phrases(
    near(r"so (?:that )?" + _REVIEWER + r"(?: could| would|'d| can)? (?:see|saw|understood|"
         r"understand|know|knew|realised|realized|realise|realize|tell|got|had a (?:clear |full |"
         r"proper )?(?:picture|view|idea|understanding) of)", _CAUSE, 8),
    r"so (?:it was|it's|it'd be|that it was) (?:\w{1,30} )?(?:clear|documented|on record|obvious|"
    r"in writing)(?! (?:that )?i(?:'d| had| did| was)\b)",
    near(r"so (?:that )?", r"it was (?:\w{1,30} )?(?:clear|obvious|plain|on record|documented|in "
         r"writing) (?:that |where |who |"
         r"whose |which )?(?:the )?(?:\w{1,30} )?(?:delay|problem|fault|failure|miss|blame|cause|"
         r"it)", 6),
    r"(?:i|we) (?:had )?(?:did|done|delivered|completed|finished|submitted|handed in|hit) "
    r"(?:all |every one of |each of |everything on )?(?:my|our) (?:own )?(?:part|bit|job|work|"
    r"workstreams?|sections?|tasks?|deliverables?|slides|side|share|milestones?)",
    r"(?:did|done) everything (?:right|correctly|properly|by the book|asked of (?:me|us)|(?:we|i) "
    r"could)", r"(?:no|not a single|not one) (?:\w{1,30} )?(?:one|rep|"
    r"person|team|agent|manager|\w+) (?:could|would)(?: have|'ve)",
    # The speaker's own part declared sound, given what they were handed.
    r"(?:handled|did|played|delivered|managed) my (?:own )?(?:part|bit|side|share) (?:\w{1,30} )?"
    r"(?:well|fine|properly|right|on time|perfectly)",
    r"my (?:own )?(?:\w{1,30} ){0,2}(?:was|were) (?:all )?(?:completed|done|finished|delivered|"
    r"submitted|ready|fine) (?:on time|early|first|on day one|weeks? (?:early|ahead|before)|in "
    r"advance|ahead of)",
    r"i did my (?:\w{1,30} )?(?:tickets|part|bit|job|slides|work|sections?|"
    r"tasks?)(?: on time)?(?=[.,;]|$)",
    # "Did all I could given the staff I had", not the resourceful "started with what we had".
    r"(?:best|all|everything) (?:that )?(?:i|we) could (?:\w{1,30} )?(?:with|given) what (?:i|we) "
    r"(?:had|was given|were given|got)",
    r"(?:with|given) the (?:\w{1,30} ){0,2}(?:staff|resources|budget|team|people|tools|time) "
    r"(?:i|we) (?:had|was given|were given|got)(?: to work with)?",
    r"(?:wasn't|was not|weren't|were not) held against (?:me|us)",
    r"(?:didn't|did not|never) (?:affect|hurt|touch) my (?:bonus|rating|review|appraisal|record)",
    r"no (?:\w{1,30} )?action (?:was taken )?against (?:me|us|my|our|the school|the team)",
    r"(?:none|nothing) of (?:that|this|it) was (?:within|in|under) (?:my|our) control",
    r"(?:wasn't|was not|weren't|were not) (?:within|in|under) (?:my|our) control",
    r"only so much (?:i|we|anyone|one person) (?:could|can) (?:do|have done)",
    r"(?:just|only|simply) (?:processed|did|followed|implemented|used|sent on|passed on) "
    r"(?:\S{1,40} ){1,4}(?:exactly )?as (?:they|it) (?:came|arrived|was sent|were sent|was given|"
    r"were given)",
    r"my (?:own )?(?:code|part|work|changes?|piece|bit|section|side) (?:had been|was|were|had) "
    r"(?:\w{1,30} ){0,2}(?:reviewed|tested|passed|approved|signed off)",
    r"(?:clear|obvious|on record|documented) (?:where|who|whose) (?:the )?(?:responsibility|blame|"
    r"fault|accountability) (?:sits|lies|lay|sat|is|was)",
    r"(?:just|only|simply) (?:processed|did|followed|implemented|used|sent on|"
    r"passed on) what (?:we|i) "
    r"(?:were|was) (?:sent|given|told|asked|handed)",
    r"my (?:\w{1,30} ){0,2}(?:was|were|had been) (?:solid|sound|fine|right|correct|spot on|watertight|"
    r"clean|on track|done properly|realistic|reasonable|achievable)",
    r"none of (?:it|this|that|them) (?:was|were) (?:my|our) (?:\w+'s )?(?:doing|fault|making|call)",
    # Evidence about others put in front of whoever judges the outcome.
    near(r"(?:sent|gave|showed|forwarded|presented|emailed|shared|attached|circulated)",
         r"(?:summary|timeline|log|report|evidence|emails?|thread|chain|screenshots|records?|"
         r"documentation|notes?|delivery notes?|sign-out times|timesheets?) (?:showing|proving|"
         r"that showed)", 8),
    near(r"(?:sent|gave|showed|forwarded|presented|emailed|shared)", r"(?:the|their|his|her) "
         r"[\w-]+'s (?:delivery notes?|emails?|thread|timeline|log|sign-out|messages|"
         r"acknowledg\w+|documentation|notes)", 8),
    r"(?:started|began|originated|happened) (?:\w{1,30} )?before (?:i|we|(?:my|our) (?:\w{1,30} )?"
    r"(?:crew|team|shift|side|people|department)) (?:ever )?(?:touched|got|joined|arrived|saw|took "
    r"over)",
    r"(?:was|were) (?:all )?(?:fine|on time|ok|okay|spot on|clean) (?:on|at|from) (?:our|my) "
    r"(?:side|end)",
    # Evidence gathered so that no one could point back at the speaker.
    r"so (?:that )?(?:there'd|there would|there was|there could) be no (?:argument|question|dispute|"
    r"doubt|comeback)",
    r"so (?:that )?(?:they|he|she|the \w+)(?:'d| would| could) (?:\w{1,30} )?understand why (?:we|"
    r"it|things|the)",
    r"(?:i was|we were) only (?:responsible|accountable) for (?:\S{1,40} ){1,5}and (?:that|it|mine|"
    r"ours) was (?:clean|fine|correct|perfect|solid|on time|done)",
    near(r"(?:made|make|making) (?:it )?(?:clear|obvious|plain)|show(?:ed|ing|s)?|prov(?:ed|ing)",
         r"(?:which|who|whose) (?:\w{1,30} )?(?:teams?|part(?:y|ies)|people|person|suppliers?|side)? ?"
         r"(?:was |were )?(?:responsible|to blame|at fault|caused|late|accountable)", 4),
    # Walking a reviewer through each of the others' failures.
    near(r"(?:went|walked|took) (?:\S{1,40} ){0,2}through|(?:listed|itemi[sz]ed|laid out|set out)",
         r"(?:each|every|all|both) (?:of )?(?:the |their |those |these )?(?:\S{1,40} ){0,2}(?:errors?|"
         r"mistakes?|delays?|contributions?|failures?|issues?|problems?|misses|late \w+)|(?:each|"
         r"all|every one) of (?:these|those|them|their)", 4),
    r"(?:made|making) it (?:\w{1,30} )?(?:obvious|clear|plain) (?:where|who|whose|"
    r"which) (?:the )?(?:\w{1,30} )?"
    r"(?:bottleneck|problem|delay|issue|fault|blame|hold-?up|gap|failure)",
    r"(?:didn't|did not|never) (?:start|originate|come) (?:with|from) (?:me|us|my|our)",
    r"(?:my|our) (?:\w{1,30} ){0,2}(?:was|were) (?:the |by far the )?(?:strongest|best)",
    r"reflected (?:the others|their|them|the rest)", r"their own (?:mistake|fault|doing|error)",
    r"(?:entirely|completely|all) (?:the |their |his |her )?(?:\w+'s )?(?:doing|fault)",
    r"(?:flagged|raised|reported|laid out|set out|listed|documented|logged|noted|escalated|"
    r"showing|showed|listing|setting out|laying out|explaining) "
    r"(?:both|all|each|every one|these|those) (?:of )?(?:these |those |the )?(?:points|issues|"
    r"causes|reasons|failures|problems|delays|of them)",
    r"(?:set|setting|laid|laying) (?:all (?:of )?)?(?:that|this|these|those|them) out",
    # The outcome declared beyond the speaker's reach.
    r"(?:was|were) (?:\w{1,30} )?(?:outside|out of|beyond) (?:my|our) (?:control|hands)",
    # Sanctions aimed only at others.
    r"(?:had|got) (?:him|her|them|the \w+|my \w+) written up",
    r"(?:reported|escalated) (?:the|our) (?:supplier|vendor|contractor|agency|carrier|sub) to",
    r"put (?:both|them|him|her|the \w+|\w+) (?:\w{1,30} )?on (?:formal )?(?:warnings?|notice)",
    r"(?:pointed|directed|referred) (?:him|her|them|my \w+|the \w+) (?:to|at|towards) (?:the|"
    r"their) (?:\w{1,30} ){0,2}(?:line|supplier|vendor|carrier|team|contractor|agency|customer|client)",
    near(r"(?:attributed|assigned|pinned|laid)", r"(?:to|on) (?:the )?(?:party|parties|supplier|"
         r"vendor|contractor|them|others|other (?:teams?|people|parties))", 4),
    near(r"so (?:that )?(?:the )?(?:cost|blame|responsibility|fault|delay|penalty)", r"(?:land\w*|"
         r"fall\w*|fell|sit|sat|stay\w*) (?:with|on)", 3),
)

# The lesson aimed at other people ("the lesson is that clients need to know what they want",
# "with outsourced vendors you need penalties"): read in the closing lesson too.
_LESSON_FOR_OTHERS = phrases(
    r"(?:lesson|takeaway|learning|learned|learnt)s? (?:\S{1,40} ){0,5}?(?:is|was)? ?that (?:clients|"
    r"customers|vendors|suppliers|contractors|they|other teams|the \w+ team|people|\w+ teams) "
    r"(?:need|needs|have|has|should|must) to",
    r"with (?:outsourced |external |third-party )?(?:vendors|suppliers|contractors|agencies|clients) "
    r"you (?:need|have) to",
    r"(?:no|little) incentive to get it right",
)

# Telling a reviewer that someone else had failed ("I pointed out that the hotel team had
# missed the window"): the failure and the defence in one clause.
_REPORTED_FAULT = phrases(
    near(r"(?:i|we) (?:\S{1,40} ){0,3}?(?:pointed out|pointing out|explain\w*|made (?:it )?clear|"
         r"making (?:it )?clear|argu\w+|"
         r"show\w*|emphasi[sz]\w*|stress\w*|highlight\w*|not\w*|flagg\w*|wrote|stated|"
         r"recorded|concluded|said|told (?:\S{1,40} ){1,2})(?: to \S{1,40}(?: \S{1,40})?)? that(?! i | we | i'd |"
         r" my | our | it was my | it was our )", _FAULT, 8),
)


# --- the cause placed on another party --------------------------------------------------
# Who the story says caused it: "root cause was the designer's config sheet", "most of it came
# down to people who hadn't read the guide", "the problem was with our video provider". The
# object is a party other than the speaker's own side (our vendor, courier or client counts).
_PARTY_NOUN = (
    r"(?:teams?|shifts?|crews?|department|suppliers?|vendors?|agency|agencies|contractors?|"
    r"subcontractors?|carriers?|clients?|customers?|partners?|providers?|company|firm|office|"
    r"planners?|inspectors?|designers?|developers?|engineers?|staff|couriers?|manufacturers?|"
    r"technicians?|operators?|drivers?|people|users|patients|passengers|students|parents|"
    r"members|colleagues|managers?|council|landlord|builders?|electricians?|samplers?|"
    r"dispatchers?|reps?|consultants?|analysts?|architects?|nurses?|doctors?|teachers?|agents?|"
    r"others|side|end|sdk|installers?|freelancers?|scouts?|crew|guests|tenants|residents|"
    r"buyers?|sellers?|retailers?|wholesalers?|distributors?|hospital|school|bank|airline)"
)
_EXTERNAL_OF_OURS = (
    r"(?:our|my) (?:[\w-]+ )?(?:vendor|supplier|provider|contractor|subcontractor|courier|"
    r"carrier|client|customer|partner|agency|landlord|manufacturer|installer|freelancer)s?"
)
OTHER_OBJECT = (
    r"(?:(?:the|their|his|her|some|several|two|three|both|other|most|many|a few|a lot of|one of "
    r"the|a couple of) (?:[\w'/-]{1,30} ){0,3}?" + _PARTY_NOUN + r"\b(?!'s? (?:own )?(?:side|end) "
    r"(?:was|were) fine)"
    r"|(?:the |an? )?(?:[\w-]{1,30} ){0,2}?(?!(?:my|our|i|we|me|us)'s)[a-z-]{2,30}'s (?!own\b)"
    r"|(?:they|them|people who|whoever|everyone else|the others|the rest of them)\b"
    r"|" + _EXTERNAL_OF_OURS + r"\b"
    r"|(?:hr|qa|it|finance|procurement|legal|ops|head office|regional|upstream|downstream)\b)"
)
_CAUSE_ON_OTHERS = phrases(
    r"(?:(?:root|real|main|actual|underlying|primary|core) )?(?:cause|culprit|reason)s? (?:was|"
    r"were|being|lay with|sat with)(?: (?:clearly|obviously|simply|really|mostly|largely|"
    r"entirely))? " + OTHER_OBJECT,
    r"(?:problem|issue|fault|failure|delay|shortfall|breakdown|outage|error|mistake|gap|miss|"
    r"trouble|blame|it|most of it|all of it|much of it|the rest|each one|every one)s? (?:was|were|"
    r"lay|sat|came|comes|boiled|stemmed|went back|traced back)(?: (?:clearly|obviously|simply|"
    r"really|mostly|largely|entirely|all|actually|ultimately|squarely))? (?:down to|due to|with|"
    r"from|on|caused by|triggered by|driven by) " + OTHER_OBJECT,
    r"(?:caused|triggered|created|started|introduced) by " + OTHER_OBJECT,
    r"(?:executed|implemented|handled|managed|run|done) (?:\w{1,30} )?badly (?:by|downstream|"
    r"upstream|on (?:their|the \w+) side)",
    r"(?:were|was) the worst (?:for|at|offenders)",
)
# What the speaker put in front of others is others' failure: "a report showing the courier had
# collected late", "I walked the panel through the HR data-entry error", "laid both of those out".
_SHOWED_THEIR_FAULT = phrases(
    r"(?:it|which|this|that|the (?:\w{1,30} )?(?:report|log|logs|data|timeline|evidence|footage|"
    r"records?|history|analysis|audit|summary)) (?:clearly |plainly )?(?:showed|shows|proved|"
    r"proves|made clear|made it clear)(?: that)? " + OTHER_OBJECT,
    r"(?:walked|took) (?:\w{1,30} ){0,3}through (?:the|their|his|her) (?:[\w-]{1,30} ){0,3}(?:error|"
    r"mistake|failure|fault|lapse|miss|slip)",
    r"(?:laid|set) (?:both|all|each|every one) (?:of )?(?:those|these|them) out",
    r"(?:explaining|explained|saying|said|telling \w+|told \w+) (?:that )?the (?:problem|issue|"
    r"delay|fault|failure|outage|cause) was (?:with|on|down to|caused by) " + OTHER_OBJECT,
    r"pointing out (?:that )?" + OTHER_OBJECT + r" (?:\S{1,40} ){0,4}(?:was|were|had|hadn't|didn't)"
    r" (?:\w{1,30} ){0,2}(?:poorly|badly|late|wrong|not|never|clearly|been)",
    r"(?:take|took|taking) it up with (?:the|their) (?:[\w-]{1,30} )?" + _PARTY_NOUN,
)
# The speaker's own side declared spotless: "our lab logged everything correctly".
_OUR_SIDE_CLEAN = phrases(
    r"on (?:my|our) (?:side|end),? (?:the |my |our )?(?:[\w-]{1,30} ){0,2}(?:was|were) (?:\w{1,30} )?"
    r"(?:tight|fine|solid|clean|spot on|in order|correct|right)",
    r"the (?:customer|client|member|user|patient|buyer|guest)s? (?:is|are|was|were) responsible for",
    r"(?:our|my) (?:[\w-]{1,30} ){0,2}(?:logged|handled|did|processed|followed|ran|delivered|"
    r"executed) (?:everything|it all|its part|our part|my part|every step) (?:\w{1,30} )?"
    r"(?:correctly|properly|right|by the book|to the letter|on time|perfectly|fine)",
    r"(?:i still think|i maintain|in my view) (?:the|our|my) (?:[\w-]{1,30} ){0,3}(?:was|were) "
    r"(?:designed |planned |built |done |run )?(?:well|fine|solid|sound|right|good)",
)


def blame_shifting(context: Context) -> list[Hit]:
    strong = hits(context, _NOT_OURS, 0.75)
    weak = hits(context, _POINTED, 0.4) + hits(
        context, _LESSON_FOR_OTHERS, 0.4, sentences=context.sentences)
    defended = hits(context, _DEFENDED, 0.6, sentences=context.sentences)
    reported = hits(context, _REPORTED_FAULT, 1.0)
    placed = (
        hits(context, _CAUSE_ON_OTHERS, 0.6) + hits(context, _SHOWED_THEIR_FAULT, 0.6)
        + hits(context, _OUR_SIDE_CLEAN, 0.6, sentences=context.sentences)
    )
    if not (strong or defended or reported or weak or placed):
        return []
    others_failed = _others_failed(context, 0.4)
    # A story told as others' failures, with the cause placed on them.
    told_as_theirs = bool(weak and others_failed) and total(weak + others_failed) >= FIRES_AT
    # The cause named as another party's, with a second sign: their failures told, the speaker's
    # report of them, their own side declared clean.
    cause_theirs = bool(placed) and total(placed + others_failed + weak + defended) >= FIRES_AT
    if not (strong or defended or reported or told_as_theirs or cause_theirs) and total(
        weak
    ) < FIRES_AT:
        return []
    owned = present(_OWNED_PART, context.sentences) or present(_OWNED_TOO, context.sentences)
    found = strong + weak + others_failed + defended + reported + placed
    score = total(found) - (0.6 if owned else 0.0)
    if owned:
        return found if score >= FIRES_AT else []
    # Others' failures alone are a story about obstacles; blame is when the speaker makes them
    # the explanation: says it outright, or makes sure a reviewer sees it.
    if strong or reported:
        return found
    if defended and (others_failed or weak) and score >= FIRES_AT:
        return found
    if told_as_theirs or cause_theirs:
        return found
    return found if total(weak) >= FIRES_AT else []
