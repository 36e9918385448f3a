"""D302 near-duplicates: known pair similarities, templates, the stages, and the engine path."""

from __future__ import annotations

import random
import unicodedata

import numpy as np
import pytest

from zhqa.checks import CATALOGUE
from zhqa.checks.duplication import minhash as mh
from zhqa.checks.duplication.sketches import from_records
from zhqa.schemas.document import Document
from zhqa.schemas.finding import Severity

D302 = CATALOGUE["D302"]
HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研"


def content(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PZC")


def shingles(text: str, n: int = 5) -> set[str]:
    s = content(text)
    return {s[i : i + n] for i in range(len(s) - n + 1)}


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def mutate(text: str, k: int, rng: random.Random) -> str:
    chars = list(text)
    for i in rng.sample(range(len(chars)), k):
        chars[i] = rng.choice([c for c in HANZI if c != chars[i]])
    return "".join(chars)


def generated_corpus(seed: int = 7) -> list[str]:
    """Unrelated texts, pairs at every level of change (Jaccard ~0.3 to ~0.99), groups of three."""
    rng = random.Random(seed)

    def text() -> str:
        body = "".join(rng.choice(HANZI) for _ in range(200))
        return "，".join(body[i : i + 20] for i in range(0, 200, 20)) + "。"

    texts = [text() for _ in range(200)]
    for k in range(1, 41):
        for _ in range(8 if k <= 12 else 2):
            base = text()
            texts += [base, mutate(base, k, rng)]
    for _ in range(10):
        base = text()
        texts += [base, mutate(base, 2, rng), mutate(base, 3, rng)]
    rng.shuffle(texts)
    return texts


@pytest.fixture(scope="module")
def near_run():
    texts = generated_corpus()
    docs = [Document.from_text(t, id=f"g{i}") for i, t in enumerate(texts)]
    hits = D302.run_corpus(docs)
    cluster = {i: i for i in range(len(texts))}
    for h in hits:
        cluster[h.seq] = int(h.hit.related[0].doc_id[1:])
    return texts, hits, cluster


def test_every_pair_at_or_above_085_is_reported(near_run):
    texts, _, cluster = near_run
    sets = [shingles(t) for t in texts]
    close = [
        (i, j, len(sets[i] & sets[j]) / len(sets[i] | sets[j]))
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if len(sets[i] & sets[j]) >= 0.85 * len(sets[i] | sets[j])
    ]
    assert len(close) >= 40
    missed = [(i, j, round(s, 2)) for i, j, s in close if cluster[i] != cluster[j]]
    assert missed == []


def test_no_pair_below_070_is_reported(near_run):
    texts, hits, cluster = near_run
    members: dict[int, list[int]] = {}
    for i, root in cluster.items():
        members.setdefault(root, []).append(i)
    pairs = [(a, b) for m in members.values() for a in m for b in m if a < b]
    assert len(pairs) >= 60  # pairs down to J 0.8 are reported (their count is asserted here)
    low = [
        (a, b, round(jaccard(texts[a], texts[b]), 2)) for a, b in pairs if jaccard(texts[a], texts[b]) < 0.7
    ]
    assert low == []
    for h in hits:  # the message states the true similarity to the first document
        first = int(h.hit.related[0].doc_id[1:])
        assert f"Jaccard {jaccard(texts[h.seq], texts[first]):.2f}" in h.hit.message
        assert h.hit.related[0].end == len(texts[first])


def test_groups_of_three_form_one_cluster(near_run):
    _, hits, _ = near_run
    sizes = [h.hit.message.rsplit("cluster of ", 1)[1] for h in hits]
    assert sizes.count("3 documents") >= 20  # 10 groups, 2 findings each


def test_template_bulletins_are_info_not_near_duplicates():
    tpl = "本市气象台今天发布天气预报：今天晴，最高气温{}度，最低气温{}度，空气质量良，适宜户外活动，请市民注意防晒补水。"
    docs = [Document.from_text(tpl.format(20 + i, 10 + i), id=f"w{i}") for i in range(5)]
    hits = D302.run_corpus(docs)
    assert [h.seq for h in hits] == [1, 2, 3, 4]
    assert all(h.hit.severity is Severity.info and h.hit.message.startswith("template") for h in hits)
    assert {h.hit.related[0].doc_id for h in hits} == {"w0"}


def test_near_copy_of_a_template_with_a_changed_word_is_a_warning():
    tpl = "本市气象台今天发布天气预报：今天晴，最高气温{}度，最低气温{}度，空气质量良，适宜户外活动，请市民注意防晒补水。"
    docs = [
        Document.from_text(tpl.format(25, 12)),
        Document.from_text(tpl.format(25, 12).replace("晴", "阴")),
    ]
    (hit,) = D302.run_corpus(docs)
    assert hit.hit.severity is None and "near-duplicate" in hit.hit.message


def test_short_documents_and_identical_content_are_left_to_d301():
    short = ["今天召开全市就业工作会议，部署全年工作。", "今天召开全市就业工作会议，部署全年任务。"]
    assert D302.run_corpus([Document.from_text(t) for t in short]) == []
    long = (
        "今天召开全市就业工作会议，部署全年就业工作，会议要求各区县落实稳岗扩岗政策，确保重点群体就业稳定。"
    )
    same = [Document.from_text(long), Document.from_text(long.replace("，", ", "))]
    assert D302.run_corpus(same) == []


def test_batch_sketch_equals_per_document_sketches():
    texts = [*generated_corpus(3)[:50], "", "短", "本报讯 ２０２５年，ABC公司：营收增长10%。" * 3]
    params = mh.Params()
    batch = mh.sketch(texts, params)
    single = mh.concat([mh.sketch([t], params) for t in texts])
    for a, b in zip(batch, single, strict=True):
        assert np.array_equal(a, b)


@pytest.mark.parametrize("perm", [100, 96, 128])
def test_a_signature_size_not_a_power_of_two_works(perm):
    # the slot of a shingle is then taken by a multiply (uint64), added to int64 cell numbers:
    # mixed int64 + uint64 arrays promote to float64, which no index accepts (a crash before)
    tpl = "国家统计局今天发布数据显示，全国规模以上工业增加值同比增长，其中制造业增长较快，高技术制造业增加值增长明显，装备制造业贡献率达到四成以上，市场预期总体{}。"
    docs = [Document.from_text(tpl.format("稳定"), id="a"), Document.from_text(tpl.format("向好"), id="b")]
    opts = D302.options({"permutations": perm})
    (hit,) = D302.run_corpus(docs, opts)
    assert hit.seq == 1 and hit.hit.related[0].doc_id == "a"
    sig = mh.signatures(np.array([5, 1 << 31, 7], np.uint32), np.array([2, 0, 1]), perm)
    assert sig.shape == (3, perm) and (sig[1] == 0xFFFFFFFF).all() and (sig[2] != 0xFFFFFFFF).any()


def test_verify_computes_the_true_jaccard():
    texts = generated_corpus(5)[:120]
    sk = mh.sketch(texts, mh.Params())
    pairs = np.array([(i, j) for i in range(0, 120, 7) for j in range(i + 1, 120, 5)], dtype=np.int64)
    kept, sims = mh.verify(pairs, sk, 0.0)
    assert len(kept) == len(pairs)
    for (a, b), s in zip(kept.tolist(), sims.tolist(), strict=True):
        assert s == pytest.approx(jaccard(texts[a], texts[b]))


@pytest.mark.parametrize(("threshold", "perm"), [(0.8, 128), (0.6, 128), (0.9, 64), (0.5, 256)])
def test_banding_finds_a_pair_at_the_threshold_with_the_recall_asked(threshold, perm):
    bands, rows = mh.choose_bands(threshold, perm)
    assert bands * rows <= perm
    assert 1 - (1 - threshold**rows) ** bands >= 0.97


def test_large_buckets_are_linked_linearly():
    bands = np.zeros((500, 1), dtype=np.uint64)
    pairs = mh.bucket_pairs(bands, max_bucket=64)
    assert len(pairs) < 1000
    assert mh.components([tuple(p) for p in pairs.tolist()]) == {i: 0 for i in range(500)}


def test_map_output_holds_no_text():
    doc = Document.from_text(generated_corpus(1)[0])
    ((_key, value),) = D302.map(doc, D302.options())
    chars, record = value
    assert chars == len(doc.text) and isinstance(record, bytes)
    sk = mh.sketch([doc.text], mh.Params())
    assert len(record) == 24 + 8 * sk.bands.shape[1] + 4 * len(sk.shingles) < 5 * len(doc.text)
    for a, b in zip(from_records([record, record], sk.bands.shape[1]), mh.concat([sk, sk]), strict=True):
        assert np.array_equal(a, b)


def test_documents_sharing_only_boilerplate_are_not_near_duplicates():
    note = "本网站所刊登的各种新闻信息均为转载，版权归原作者所有，如有侵权请与我们联系。"
    bodies = [
        "今天召开全市就业工作会议，部署全年稳就业工作，要求各区县落实稳岗扩岗政策，确保重点群体就业稳定。",
        "春季招聘会在会展中心举行，三百多家企业提供岗位一万余个，吸引众多高校毕业生和农民工前来求职。",
    ]
    docs = [Document.from_text(f"{b}\n\n{note}", id=f"b{i}") for i, b in enumerate(bodies)]
    assert jaccard(docs[0].text, docs[1].text) < 0.5
    assert D302.run_corpus(docs) == []
