"""Roles: noun-phrase spans for actors and recipients, found from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
NP_EXCLUDE = frozenset({"case", "conj", "cc", "relcl", "acl", "punct", "advcl", "preconj", "dep", "parataxis"})
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
DATELINE_DASHES = frozenset({"—", "--", "–"})
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
BAD_PRONOUNS = frozenset({"what", "this", "these", "those", "all", "both", "some", "any", "one"})
#: things people issue or publish that "demand", "accuse", "call for" on their behalf
NON_AGENT_NOUNS = frozenset({"statement", "declaration", "letter", "resolution", "communique", "report",
                             "message", "note", "appeal", "petition", "document", "decree", "order",
                             "speech", "memo", "memorandum", "editorial", "post", "tweet", "video",
                             "complaint", "lawsuit", "suit", "motion", "bill"})
#: passive raising verbs: "X is expected/scheduled/set to meet" — X is the complement's subject
RAISING = frozenset({"expect", "schedule", "set", "say", "report", "believe", "slate", "poise", "due",
                     "likely", "bound", "suppose", "think", "understand", "plan", "reckon", "tip"})
#: verbs whose object is the understood subject of their complement ("urged Iran to talk")
OBJECT_CONTROL = frozenset({
    "urge", "ask", "order", "press", "force", "persuade", "allow", "invite", "help", "encourage",
    "tell", "call", "pressure", "compel", "push", "implore", "instruct", "authorize", "permit",
    "warn", "advise", "request", "lead", "convince", "get", "want", "expect",
})
#: verbs whose object is the understood subject of an "of"-gerund ("accused Russia of shelling")
ACCUSE_OF = frozenset({"accuse", "suspect", "charge", "blame", "convict", "arrest", "detain"})


def is_actorish(tok: Token, actor_nouns: frozenset[str], event_nouns: frozenset[str] = frozenset()) -> bool:
    """Could this head word name an actor (person, group, institution, state)?"""
    if tok.dep_ == "expl":
        return False
    pos = tok.pos_
    if pos == "PRON":
        low = tok.lower_
        return low not in REL_PRONOUNS and low not in BAD_PRONOUNS and not low.endswith("self") \
            and not low.endswith("selves")
    if tok.ent_type_ in ACTOR_ENTS:
        return True
    if pos == "PROPN":
        return tok.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY")
    if pos == "NOUN":
        if tok.lemma_.lower() in actor_nouns or tok.lower_ in actor_nouns:
            return True
        if tok.lemma_.lower() in event_nouns:
            return False
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
                return True
        return False
    if pos == "NUM":
        return tok.ent_type_ in ("", "CARDINAL") and tok.like_num
    return pos == "ADJ" and tok.ent_type_ == "NORP"


def np_span(tok: Token) -> Span:
    """The noun phrase headed by ``tok``: its subtree without coordination, clauses and most PPs."""
    left = right = tok.i
    for c in tok.children:
        dep = c.dep_
        if dep in NP_EXCLUDE:
            continue
        if dep == "prep" and (c.lower_ != "of" or not any(g.dep_ == "pobj" for g in c.children)):
            continue
        if dep == "appos" and any(g.pos_ in ("VERB", "AUX") for g in c.subtree):
            continue
        if dep == "appos" and c.i > tok.i:
            # an appositive title ("Sergei Lavrov, Russia's foreign minister") belongs to the phrase
            sub_r = c.right_edge.i
            right = max(right, sub_r)
            continue
        sub_l, sub_r = c.left_edge.i, c.right_edge.i
        left, right = min(left, sub_l), max(right, sub_r)
    doc = tok.doc
    if tok.ent_iob_ in ("B", "I") and tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "FAC"):
        # a name with a preposition inside is one phrase ("Reporters Without Borders", "Committee to Protect
        # Journalists")
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and end - tok.i < 8:
            end += 1
        right = max(right, end - 1)
    for i in range(tok.i - 1, left - 1, -1):        # "KHARTOUM, Nov 19 — The World Food Programme"
        if is_dateline_dash(doc[i]):
            left = i + 1
            break
    while left < tok.i and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    while right > tok.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    if right - left > 24:                            # runaway parse: keep the head and its left words
        right = tok.i
    return doc[left:right + 1]


def coordinated(tok: Token) -> list[Token]:
    """``tok`` and the heads coordinated with it ("the US and France" -> US, France)."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def is_dateline_dash(t: Token) -> bool:
    """The dash closing a dateline: an em/en dash, or a spaced hyphen after the agency or the day
    ("BEIRUT, Nov 11 (Reuters) - Israeli ...", "KYIV, Nov 14 - ...")."""
    if t.text in DATELINE_DASHES:
        return True
    if t.text != "-" or t.i == 0 or not t.whitespace_:
        return False
    prev = t.doc[t.i - 1]
    return bool(prev.whitespace_) and (prev.text == ")" or prev.like_num)


def in_dateline(tok: Token) -> bool:
    """Is the token in a wire-story dateline ("PESHAWAR, Pakistan, Nov 11 —", "GOMA, Democratic Republic of
    Congo, Nov 13 (Reuters) -")?"""
    sent = tok.sent
    for t in sent[: min(len(sent), 20)]:
        if is_dateline_dash(t):
            return tok.i < t.i
    return False


def role_heads(tok: Token | None, lex) -> list[Token]:
    """The actor-like heads of the phrase at ``tok`` with its coordinated partners.

    ``lex`` is the :class:`~eventwire.extract.lexicon.Lexicon` (its ``actor_nouns`` and ``event_nouns``).
    """
    if tok is None:
        return []
    if in_dateline(tok):                      # "KHARTOUM, Nov 19 — The World Food Programme delivered"
        tok = next((t for t in tok.subtree if t.dep_ in ("appos", "conj", "npadvmod") and t.pos_ in
                    ("PROPN", "NOUN") and not in_dateline(t)), None)
        if tok is None:
            return []
    return [t for t in coordinated(tok) if is_actorish(t, lex.actor_nouns, lex.event_nouns)
            and not in_dateline(t)]


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``tok`` ("talks *with* Iran")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                elif g.dep_ == "prep":           # "out of", "away from"
                    out.extend(x for x in g.children if x.dep_ == "pobj")
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl",) )


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def direct_object(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    # "killed up to 30 people" parsed as particle "up" + "to 30 people"
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children):
                        return g
    # a small clause: "found *the cardinal* guilty", "declared *him* persona non grata"
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN"):
            for g in c.children:
                if g.dep_ == "nsubj":
                    return g
    # right-node raising: "arrested and charged three men"
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
                g.dep_ in SUBJ or g.dep_ in PASS_SUBJ for g in c.children):
            for g in c.children:
                if g.dep_ in ("dobj", "obj"):
                    return g
    return None


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The logical subject (agent) of ``verb`` and whether it is a passive patient instead.

    Returns ``(token, is_patient)``: for a passive verb without a "by" agent the surface subject is the
    patient, reported with ``is_patient=True``.
    """
    if depth > 4:
        return None, False
    passive = is_passive(verb)
    if passive:
        ag = agent_of(verb)
        if ag is not None:
            return ag, False
    # the subject nearest the verb ("BAKU, Nov 20 — Israel's defence minister met ..." has two)
    for c in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if c.dep_ in SUBJ:
            if c.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, False
            return c, False
        if c.dep_ in PASS_SUBJ:
            if c.lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, True
            return c, True
    head = verb.head
    if head == verb:
        return None, False
    dep = verb.dep_
    if dep == "relcl":
        return head, passive
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "protesters arrested by police" / "militants attacking the base"
        if verb.tag_ == "VBG" and head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB" and \
                head.pos_ == "NOUN" and not any(c.dep_ in ("compound", "amod", "poss") for c in head.children
                                                if c.ent_type_) and head.lemma_.lower() in NON_AGENT_NOUNS:
            # "issued a declaration demanding ...": the declarer demands
            return subject_of(head.head, depth + 1)
        return head, verb.tag_ == "VBN"
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        subj, patient = subject_of(head, depth + 1)
        # "had been watching the building and was detained": the shared subject is this verb's patient
        return subj, patient or passive
    if dep in ("xcomp", "ccomp") and verb.tag_ in ("VB", "VBG") or dep == "xcomp":
        if head.lemma_ in OBJECT_CONTROL:
            obj = direct_object(head)
            if obj is None:
                objs = prep_objects(head, ("on", "upon"))
                obj = objs[0] if objs else None
            if obj is not None:
                return obj, False
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            subj, patient = subject_of(head, depth + 1)
            if patient and head.lemma_.lower() in RAISING:
                patient = False                     # "is expected to visit": the subject visits
            return subj, patient
        return None, False
    if dep == "pcomp" and head.dep_ == "prep":
        gov = head.head
        if gov.lemma_ in ACCUSE_OF and head.lower_ in ("of", "for"):
            if is_passive(gov):
                for c in gov.children:
                    if c.dep_ in PASS_SUBJ:
                        return c, False
            obj = direct_object(gov)
            if obj is not None:
                return obj, False
        if gov.pos_ in ("VERB", "AUX"):
            return subject_of(gov, depth + 1)
        return None, False
    if dep in ("acomp", "xcomp") and verb.pos_ == "ADJ" and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)           # "is due to", "is ready to"
    if dep == "advcl" and verb.tag_ in ("VBG", "VBN") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)
    return None, False
