"""Passing the buck and blame-shifting: who the story makes responsible."""

from __future__ import annotations

from bot.analysis.antipatterns.base import FIRES_AT, Context, Hit, hits, present, total
from bot.analysis.antipatterns.concepts import SOMEONE_SENIOR
from bot.analysis.cues import SENIOR, near, phrases

# --- passing the buck -------------------------------------------------------------------
# The idea: the speaker could act, but left it to someone else to stay clear of the blame.

_NOT_MINE_TO_DECIDE = phrases(
    r"above my pay ?grade",
    r"(?:not|wasn't|isn't|never|didn't feel like) (?:really |officially )?my (?:place|call|"
    r"decision|remit|sign-?off|department|area)",
    r"(?:isn't|wasn't|not) (?:mine|yours|ours) to (?:sign off|decide|change|touch|fix|call)",
    r"(?:\w+)'s (?:call|decision|problem) rather than mine", r"rather than mine",
    r"(?:leave|left) (?:the decision|it|that|the call) (?:with|to|for) (?:her|him|them|my|the)"
    r"(?: \w+)?(?: to (?:decide|pick up|deal with|sort))?",
    r"(?:for|to) (?:their|his|her) review", r"chain of command",
    r"(?:safer|better|easier|wiser) (?:for me |for us )?to (?:just )?(?:wait|leave it|let)",
    r"be the ones? (?:held )?responsible", r"(?:risk|avoid) (?:being|getting) blamed",
    r"(?:didn't|did not|don't|wouldn't|wasn't going to) (?:want to )?be the (?:one|person|guy|"
    r"girl) (?:who|to|changing|holding|stopping|making|responsible)",
    r"(?:didn't|did not|don't|wouldn't) want (?:it|this|that|anything|my name) (?:\w+ ){0,3}"
    r"(?:on me|against|on it|blamed)",
    r"(?:coming|come|came|comes) back on me", r"cover (?:myself|my back|my bases)",
    r"(?:clear|documented|on record) (?:that )?i'd done my part",
    r"(?:stick|sticking|stuck) my neck out", r"not (?:my|our) problem to",
    r"(?:that's|it's|it would be|it'd be|it was) on me,? not (?:him|her|them)",
    r"(?:don't|do not|never) touch (?:kit|anything|things|stuff) that isn't",
)
_SOMEONE_ELSES = phrases(
    r"(?:is|was|'s|are|were) (?:normally |usually |really |technically |officially |always )?"
    r"(?:the |my |our |his |her |their )?(?:[\w-]+ ){0,3}?(?:\w+)'s (?:decision|call|thing|job|"
    r"area|responsibility|sign-?off|domain|remit|department|problem|business)",
    r"(?:something|stuff|things|decisions?) (?:that )?(?:the )?(?:\w+ ){0,2}(?:supervisors?|"
    r"managers?|leads?|seniors?|directors?|team leads?|controllers?|\w+ team) (?:normally |"
    r"usually |always )?(?:handle|do|decide|sign off|approve|own)",
    r"(?:go|goes|went|had to go) through (?:\w+ ){0,2}(?:sign-?off|approval)",
    r"(?:is|was) the one (?:who|that) signs? (?:it )?off", r"(?:signs?|signed) (?:it )?off,? so",
    r"(?:it's|it is|it was|that's) (?:the )?(?:\w+ ){0,2}(?:guy's|team's|department's|"
    r"manager's|supervisor's|lead's|director's) (?:thing|job|call|problem|area)",
    r"(?:usually|normally) signs? off", r"(?:has|have|had) to (?:be )?(?:signed off|approved) by",
    near(r"(?:felt|seemed|was|is) (?:like )?(?:something|a call|a decision|a job)",
         r"(?:should|to) (?:own|make|decide|handle|take)", 5),
    r"where my role ends", r"(?:his|her|their|the \w+'s) (?:call|decision) to make",
    r"make this decision alone", r"(?:referred|passed|handed|kicked) (?:it|this|the \w+) "
    r"(?:up|over|on)? ?to",
)
_FEARED_BLAME = phrases(
    r"blame[ds]?", r"my name (?:at the top|on it|would|against)", r"my user id",
    r"audit trail would", r"look like i(?:'d| had)", r"(?:be|get|getting|i'd be) (?:in )?trouble",
    r"on the hook", r"(?:that's|it's|it'd be|it would be|would be) on me",
    r"if (?:it|i|this|the \w+) (?:\w+ ){0,4}(?:turned out|went wrong|got it wrong|broke|"
    r"double-posted|was wrong|were wrong|goes wrong|go wrong)",
    r"if i (?:\w+ ){0,3}(?:and|it) (?:it )?(?:goes|went|turned|broke)",
    r"(?:it|that) would look like", r"(?:questioned|audited|written up|disciplined) (?:\w+ )?"
    r"(?:later|afterwards|for it)", r"(?:if|in case) (?:audit|anyone|someone) question",
    r"(?:has|had|have|with) my name on", r"just in case",
    near(r"(?:didn't|did not|don't|wouldn't|not) want", r"(?:blame\w*|my name|traced|the one|"
         r"my (?:change|call|fault|decision|mistake)|alone|responsib\w+|trouble|explain\w*|"
         r"on me|backfire|come back|against me|pointing out)", 8),
    r"(?:i'd|i would|i'll|i will) (?:have )?be(?:en)? the one",
    r"(?:didn't|did not|don't|wouldn't) want to be (?:the|that) (?:\w+ ){0,2}(?:who|that)",
    r"(?:my|our) (?:name|id|signature|initials) (?:\S+ ){0,3}(?:on|against|at the top)",
    r"(?:the |a )?(?:safe|safer|safest) (?:choice|option|bet|thing|move|route|call)",
    r"(?:go|went|goes|come|came) after (?:whoever|anyone|the person)",
    r"(?:questioned|queried|challenged) (?:one of )?my", r"against my name",
)
_DEFERRED = phrases(
    r"(?:paged|emailed|messaged|pinged|called|asked|told|radio|radioed|escalated (?:it )?to|"
    r"forwarded (?:it )?to|sent|copied|cc'd|flagged it (?:to|for)|raised a ticket with) "
    + SENIOR,
    r"(?:left|stuck|put) (?:a |an )?(?:post-it|sticky note|note|message|voicemail) (?:on|in|"
    r"for)",
    r"flagged (?:it )?in (?:his|her|their) inbox", r"(?:for|till|until) (?:monday|tomorrow|"
    r"(?:he|she|they) (?:was|were|got|came|'s|is|are) back|the next (?:day|week|shift|meeting)|"
    r"the (?:weekly|quarterly|monthly) (?:\w+ )?(?:review|inspection|meeting)|next week)",
    r"(?:wait|waited|waiting|wait until|waited until) (?:for )?" + SENIOR,
    r"went back to (?:the till|my|work|picking|packing|my desk|the floor)",
    r"(?:kept|carried on|went back to|continued) (?:refreshing|picking|working|running|"
    r"watching|monitoring|doing my|packing)",
    r"(?:we all|everyone|everybody) (?:just )?(?:stand|stood|waited|sat) (?:there|around)",
    r"kept my head down",
    r"figured (?:if|someone|the \w+|that the \w+) (?:\w+ ){0,8}(?:would|will|'d) (?:pick it up|"
    r"catch it|deal with it|sort it|handle it|spot it|notice)",
    r"(?:for|pending) (?:their|his|her) (?:review|decision|sign-off|approval)",
    r"(?:kept|left) (?:it|the issue) on (?:our|the) (?:\w+ )?tracker",
    r"(?:nothing|nobody) (?:happened|did anything|acted) until",
    r"(?:a|the) (?:\w+ )?(?:would be in touch|will be in touch|would call)",
    near(r"(?:left|sent|wrote|emailed|messaged|assigned|referred|forwarded|passed|handed|"
         r"mentioned|raised|logged|flagged|escalated|radioed|paged|texted|pinged|told|"
         r"created a ticket|opened a ticket)", r"(?:to|for|with) (?:the |my |our |his |her )?"
         r"(?:\S+ ){0,2}" + SOMEONE_SENIOR, 6),
    r"left (?:a |an )?(?:\w+ )?(?:message|note|voicemail|ticket)", r"on (?:his|her|their) desk",
    r"(?:at|by) the next (?:\w+ )?(?:break|review|meeting|month-end|cycle)", r"in passing",
    r"(?:to|for) (?:\w+ ){0,3}to pick up", r"(?:said|told (?:them|him|her)) (?:that )?the "
    r"(?:\w+ )?(?:manager|supervisor|lead|team) (?:will|would)",
    r"(?:assigned|handed) it to (?:him|her|them)", r"(?:referred|passed) it (?:up|on|to)",
)
_COULD_ACT = phrases(
    r"(?:i|we) (?:had|have|technically had|technically have) (?:the |full |admin |production |"
    r"prod |edit |a |all the )?(?:access|authority|permission|rights|edit rights|credentials|"
    r"ability|training|keys|refund button|button|tools|system access)",
    r"(?:any|every) (?:\w+ )?(?:analyst|technologist|engineer|nurse|operator|one|employee|"
    r"member|associate|developer|picker|agent) (?:can|could|is allowed)",
    r"i(?:'m| am| was) (?:\w+ )?(?:trained|signed off|authori[sz]ed|certified|allowed)",
    r"(?:procedure|runbook|policy|process|playbook) (?:\w+ )?(?:says|said|covered|allows|"
    r"allowed|for exactly)",
    r"technically (?:i|we) (?:could|had|have|can)",
    r"(?:i|we) could have (?:\w+ ){0,2}(?:moved|fixed|done|posted|restarted|rolled|changed|"
    r"cleared|made|raised|stopped|held)",
    r"(?:there was|we had) a runbook", r"i'd done (?:similar|this|it|that) (?:ones )?before",
    r"(?:free|available) rooms", r"i could see (?:exactly |the )", r"i (?:know|knew) (?:the|how)",
    r"watched it (?:done|being done)", r"i've done (?:it|this|that)",
    r"i (?:had|have|held|was given) (?:\S+ ){0,3}(?:access|authority|keys?|rights|permissions?|"
    r"admin|login|button|ability|power|budget)",
    r"i (?:was|am) (?:\S+ ){0,2}(?:authori[sz]ed|allowed|trained|signed off|qualified|"
    r"certified|able) to",
    r"(?:is|are|was|were) (?:\S+ ){0,2}(?:mine|ours) to (?:decide|call|fix|approve|do)",
    r"(?:\w+s|staff|setters|anyone|any member of staff) (?:are|is) allowed to",
    near(r"(?:any|every) (?:member|\w+)", r"(?:can|could|may|is allowed|are allowed)", 4),
    r"i could have (?:\S+ ){0,6}?(?:myself|just)", r"it's in the (?:\w+ )?(?:handbook|"
    r"procedures?|runbook|policy|playbook)",
    r"(?:procedure|policy|handbook|runbook|playbook)(?:\S| ){0,60}(?:says|covers|allows|lets)",
    r"(?:is|was) (?:laminated|written|posted|documented) on",
)
_ACTED_ANYWAY = phrases(
    r"(?:so|and|then) i (?:rolled (?:it )?back|restarted|fixed|went ahead|made the call|"
    r"acted|cleared|unpublished|pulled|reverted|posted the|moved the|did it|took the decision|"
    r"decided to act|ran the|applied|recalibrated|switched|put (?:it|the \w+) on hold|stopped)",
    r"(?:rather than|instead of|without) (?:just )?wait(?:ing)?", r"(?:didn't|did not) wait",
    r"i made the call", r"within my authority",
)


def passing_the_buck(context: Context) -> list[Hit]:
    explicit = hits(context, _NOT_MINE_TO_DECIDE, FIRES_AT)
    if explicit:
        return explicit
    someone_elses = hits(context, _SOMEONE_ELSES, 0.5)
    feared = hits(context, _FEARED_BLAME, 0.5)
    deferred = hits(context, _DEFERRED, 0.4)
    could = hits(context, _COULD_ACT, 0.4)
    if not (someone_elses or feared) or not (deferred or could):
        return []
    if present(_ACTED_ANYWAY, context.story):
        return []
    found = someone_elses + feared + deferred + could
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
    r"because of (?:them|their|qa|the other team|the vendor)",
    r"(?:the )?(?:main |real |root |actual )?(?:issue|problem|cause|gap) was (?:on|with|in) "
    r"(?:their|the other|qa|the vendor|upstream)",
    r"(?:honestly|basically|tbh) (?:the (?:main )?issue|the problem) was",
    r"not (?:really )?(?:something|anything) (?:my|our|i) (?:department|team|squad|side|"
    r"could)(?:\w| ){0,20}(?:control|do|have done)",
    r"(?:not much|nothing (?:more )?) (?:i|we) could (?:have )?(?:do|done)(?: (?:with|about) "
    r"(?:that|it))?",
    r"(?:made|make) (?:it )?(?:very |really )?clear (?:that )?(?:the|my|our) [\w-]+ "
    r"(?:was|were|wasn't) (?:not )?(?:the|to blame|at fault)",
    r"nothing (?:i'd|i would) change on my (?:side|end)", r"came from upstream",
    r"(?<!so )(?:they|he|she) (?:just |clearly |simply |obviously )?(?:hadn't|didn't|never|"
    r"wouldn't) "
    r"(?:read|watch|bother|check|test|follow|scan|listen|pay attention|prepare)",
    r"(?:they|he|she|qa|\w+ team) (?:clearly|obviously) (?:didn't|hadn't|couldn't)",
    r"(?:they|he|she|qa|the [\w-]+(?: team)?|[\w-]+ team|the others) (?:also |still )?"
    r"(?:should|should have|should still have|was supposed to|were supposed to) "
    r"(?:also |still )?(?:have )?(?:caught|flagged|checked|told|trained|read|reviewed|noticed|"
    r"tested|warned|done)",
    r"(?:like|as) (?:they|he|she) (?:were|was|had been) (?:supposed|told|asked) to",
    r"rubber-stamped", r"nobody on (?:his|her|their) (?:\w+ )?bothered",
    r"a (?:hiring|onboarding|process|training|vendor|qa|testing|management)(?:/\w+)? "
    r"(?:problem|issue|failure),? not",
    r"i still think (?:we|i) did everything", r"(?:so it was|to make sure it was) documented",
    r"(?:wasn't|was not|weren't) (?:the|my|our) (?:issue|problem|fault)",
    r"(?:missed|ignored) the (?:deprecation|warning|window|deadline|release notes)",
    r"(?:a mess|useless|incompetent|sloppy|lazy|careless) as usual",
    r"take the heat", r"(?:drop|drops|dropped|dropping) the ball", r"dragged (?:their|his|her) "
    r"feet", r"pull(?:ed|s|ing)? (?:their|his|her) (?:own )?weight",
    r"whose fault", r"who caused (?:what|it|the)", r"(?:belonged|belong|belongs) to other people",
    r"(?:attributed|assigned|pinned) (?:\w+ ){0,3}to the (?:party|people|team|person)",
    r"the party that caused", r"(?:had|have|got) (?:him|her|them|the \w+) written up",
    r"so (?:it's|it is|it was|it'd be) (?:clear|obvious|on record) (?:whose|who)",
    r"(?:doesn't|didn't|does not) reflect (?:the|our|my) (?:work|effort)",
    r"nothing (?:to do )?with (?:me|us|my team|our side)", r"(?:their|his|her) fault,? not",
    r"(?:started|came|originated) with (?:their|his|her) (?:deploy|change|mistake)",
    r"not with anything on (?:our|my) side",
    near(r"(?:so|to show|showing|making sure|made sure|so that)", r"(?:it was clear "
         r"(?:which|who|whose|that (?:they|the|it wasn't))|it "
         r"wasn't (?:down to|on) (?:me|us)|(?:which|what) (?:party|team|person) caused|knew it "
         r"wasn't|could see it wasn't|who (?:hadn't|wasn't|didn't)|who was responsible|whose "
         r"fault|was the trigger|was (?:\w+'s|their) gap|wasn't (?:our|my) fault)", 10),
    r"wasn't (?:down to|on) me", r"outside (?:my|our) control", r"paper trail",
    r"wins the argument", r"best records", r"someone else's decision",
    r"(?:named|assigned|attributed|pinned) (?:\S+ ){0,6}(?:as (?:the )?owners?|to (?:those|the "
    r"other|them))",
    r"(?:explained|said) that (?:\w+ ){1,3}(?:had been told|should have|hadn't|didn't|was "
    r"supposed)",
)
_POINTED = phrases(
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
)
_OWNED_PART = phrases(
    r"(?<!n't )(?<!not )(?:my|our) (?:own )?(?:mistake|fault|miss|error|blind spot)",
    r"my (?:part|share) (?:in|of) (?:it|this|that|the (?:failure|problem|outage|incident|"
    r"miss|delay))", r"owned my (?:part|share)",
    r"i owned (?:it|that|the|my|up)", r"i own (?:that|it|my)",
    r"(?:partly|also|equally|really) on (?:me|us)",
    r"i should have", r"i took (?:full )?(?:responsibility|ownership|the blame)",
    r"the (?:mistake|error|fault) was (?:ours|mine)", r"i had approved", r"my change too",
    r"i apologi[sz]ed", r"(?:i|we) could have (?:caught|prevented|done better)",
    r"what i (?:could have|should have) done", r"blameless", r"on my side,? i",
    r"i (?:missed|overlooked|got (?:it|that) wrong)",
)


def blame_shifting(context: Context) -> list[Hit]:
    strong = hits(context, _NOT_OURS, 0.75)
    weak = hits(context, _POINTED, 0.4)
    owned = present(_OWNED_PART, context.sentences)
    found = strong + weak
    score = total(found) - (0.6 if owned else 0.0)
    return found if score >= FIRES_AT or (strong and not owned) else []
