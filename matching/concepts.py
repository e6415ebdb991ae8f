"""A clerk's thesaurus from the problem a need names to the help that solves it.

Needs name the problem (``空巢的爷爷奶奶没人说话``), resources the help (``陪伴聊天``): the two
share no word, and a text model sees them as far apart. Each concept of :data:`CONCEPTS`
lists the words a need uses for a problem and the words a resource uses for the help;
a pair *meets on a concept* when the need's text has one of the first and the
resource's text one of the second. It is evidence of fit added to the text feature
(:func:`matching.semantic.blended_similarity`), never a candidate rule: the category
and the facts still decide what may be paired.

Each distinct text is read once (one regular expression per side, whatever the number
of concepts) into a bit mask of its concepts; a pair meets when its two masks share a bit.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from matching.arrays import I64, B

CONCEPTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "陪伴": (("没人说话", "孤零零", "孤单", "寂寞", "没人陪", "聊天", "空巢", "独居", "没人照看",
            "没人看", "没人照顾", "没人管"),
           ("陪伴", "聊天", "探访", "看护", "照料", "托管", "照护")),
    "作业": (("功课", "作业", "成绩", "辅导", "学习跟不上"), ("作业", "功课", "课业", "辅导")),
    "接种": (("打针", "疫苗", "接种"), ("疫苗", "接种")),
    "代购": (("买菜", "买药", "买东西", "跑腿", "拿药"),
           ("配送", "代购", "送到家", "送药", "送餐")),
    "照明": (("黑了", "黑漆漆", "没灯", "灯坏", "灯不亮", "照明"), ("灯", "照明")),
    "消防": (("着火", "火灾", "烧起来", "失火", "灭火"), ("消防", "灭火", "疏散")),
    "就业": (("找不到活", "找工作", "没工作", "失业", "上班", "挣钱", "就业", "没手艺"),
           ("就业", "岗位", "招聘", "技能培训", "再就业")),
    "用电": (("跳闸", "停电", "线路", "电线", "插座", "没电"), ("电工", "水电", "线路", "电路")),
    "用水": (("漏水", "水管", "堵", "下水", "污水", "倒灌", "掏不通"),
           ("水工", "水电", "疏通", "下水", "管道")),
    "手机": (("屏幕", "视频", "手机", "扫码", "二维码", "挂号", "微信", "平板"),
           ("智能手机", "手机", "微信", "视频", "扫码", "挂号")),
    "防骗": (("骗", "诈骗", "上当", "转账", "推销"), ("诈骗", "防骗", "反诈")),
    "法律": (("不给结账", "欠薪", "拖欠", "工资", "赔偿", "维权", "合同", "遗嘱", "继承", "官司",
            "起诉"), ("法律", "律师", "维权", "劳动", "合同", "继承")),
    "调解": (("吵架", "吵", "闹矛盾", "闹僵", "纠纷", "矛盾", "分家"), ("调解", "矛盾", "纠纷")),
    "心理": (("焦虑", "失眠", "情绪", "抑郁", "想不开", "压力", "不愿出门", "不说话"),
           ("心理", "疏导")),
    "看病": (("看病", "血压", "血糖", "三高", "慢病", "疾病", "晕倒", "开药", "腰酸背痛", "劳损"),
           ("医生", "巡诊", "出诊", "随访", "义诊", "血压", "血糖", "理疗")),
    "护理": (("伤口", "换药", "瘫痪", "卧床", "翻身", "术后", "出院"),
           ("护理", "换药", "护士", "康复")),
    "吃饭": (("吃饭", "午饭", "做饭", "烧饭", "凑合", "吃不上"),
           ("送餐", "午餐", "食堂", "助餐", "做饭", "就餐")),
    "打扫": (("堆满", "打扫", "脏", "杂物", "卫生"), ("打扫", "保洁", "家政", "清理")),
    "理发": (("头发",), ("理发", "义剪", "美发")),
    "缝补": (("衣服破", "补衣", "裤脚", "拉链"), ("缝补", "改衣")),
    "锻炼": (("强身健体", "锻炼", "健身", "运动"), ("太极", "健身", "八段锦", "带练")),
    "读书": (("看书", "图书", "读书", "阅读", "绘本"), ("阅读", "借书", "读书", "绘本")),
    "环境": (("脏乱差", "乱丢", "垃圾", "堆成山", "发臭", "漂着"),
           ("垃圾", "清理", "保洁", "督导")),
    "治安": (("被偷", "小偷", "不安全", "不放心"), ("巡逻", "治安", "平安")),
    "困难": (("低保", "困难户", "过年难", "揭不开锅", "生活困难"),
           ("低保", "困难", "慰问", "米面油")),
    "保暖": (("冷", "冻", "被褥", "棉被", "冬衣"), ("棉被", "冬衣", "衣物")),
    "育儿": (("带娃", "宝宝", "婴儿", "一两岁"), ("婴幼儿", "亲子", "育儿", "早教")),
    "手语": (("聋哑", "手语", "没法沟通"), ("手语",)),
    "学习用品": (("书包", "文具", "开学缺"), ("学习用品", "书包", "文具")),
    "场地": (("开会", "坐不下", "没地方", "场地", "碰个头", "聚一聚"),
           ("会议室", "礼堂", "场地", "容纳")),
    "党课": (("支部学习", "党课", "主讲", "党史"), ("党课", "宣讲", "党史")),
    "文艺": (("跳舞", "唱歌", "毛笔字", "书法", "写字", "画画"),
           ("舞蹈", "广场舞", "书法", "合唱", "声乐", "国画")),
}
"""Concept -> (words a need uses for the problem, words a resource uses for the help)."""

NEED, RESOURCE = 0, 1
assert len(CONCEPTS) < 63  # one bit of an int64 mask each


@cache
def _reader(side: int) -> tuple[re.Pattern[str], dict[str, int]]:
    """One alternation of all the words of ``side`` (longest first) and each word's bits."""
    bits: dict[str, int] = {}
    for k, words in enumerate(c[side] for c in CONCEPTS.values()):
        for w in words:
            bits[w] = bits.get(w, 0) | (1 << k)
    longest_first = sorted(bits, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, longest_first))), bits


def concept_masks(texts: list[str], side: int) -> I64:
    """The bit mask of the concepts each text names on ``side`` (:data:`NEED` or
    :data:`RESOURCE`); bit ``k`` is the ``k``-th concept of :data:`CONCEPTS`.

    Words are found left to right, the longest first, without overlap (a word that
    belongs to two concepts, such as ``水电``, sets both bits).

    >>> n = concept_masks(["空巢老人没人说话"], NEED)
    >>> r = concept_masks(["志愿者陪伴聊天"], RESOURCE)
    >>> bool(n[0] & r[0]), bool(concept_masks(["电梯公司讲座"], RESOURCE)[0] & n[0])
    (True, False)
    """
    pattern, bits = _reader(side)
    out = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        mask = 0
        for m in pattern.finditer(text):
            mask |= bits[m.group()]
        if mask:
            out[i] = mask
    return out


def meet(need_masks: I64, res_masks: I64, a: I64, b: I64) -> B:
    """Whether each pair ``(a[k], b[k])`` meets on a concept (its masks share a bit)."""
    out: B = (need_masks[a] & res_masks[b]) != 0
    return out
