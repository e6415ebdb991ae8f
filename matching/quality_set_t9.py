"""Tuning district T9 (汤泉): a hot-spring town street, written blind, labels included.

汤泉街道: an old grain-station workers' compound (老粮站, weak), a new hot-spring estate
(温泉新城), a village turned residence by the river mouth (河口, weak), an old hillside
quarter (西坡) and a tea-hill village 28 km away (茶山). Units: a Chinese-medicine
hospital, a community health station, a primary school, a vocational school, a rural
commercial bank, a law firm, a social-work centre, a library branch, a police station, a
property company, a charity fund with earmarked money, a hot-spring hotel, a courier
station, an internet firm (online only), a power-supply station, a fire station, and on
the tea hill a tea firm and a homestay association with small reach. Written by a helper
who never read how the matcher decides; the line format is the one in
:mod:`matching.quality_set`.
"""

from __future__ import annotations

# community id -> (name, (x, y) km east/north of the street office, weak community)
COMMUNITIES_T9: dict[str, tuple[str, tuple[float, float], bool]] = {
    "C-I1": ("汤泉", (0.0, 0.0), False),
    "C-I2": ("老粮站", (1.2, 0.6), True),
    "C-I3": ("温泉新城", (2.1, -0.4), False),
    "C-I4": ("河口", (0.5, 2.0), True),
    "C-I5": ("茶山", (26.0, 12.0), False),
    "C-I6": ("西坡", (-1.4, 1.1), False),
}

# (unit, community) registered with each other (双报到)
REGISTRATIONS_T9: tuple[tuple[str, str], ...] = (
    ("U-IYY", "C-I2"), ("U-IWY", "C-I3"), ("U-IGD", "C-I4"), ("U-INH", "C-I1"))

RESOURCES_T9 = """
IR01|U-IYY|home_medical|次|8|0.8,0.4|4|onsite||nursing||中医院家庭医生团队上门|每月两次上门，给签约的慢病、卧床老人看病调药，量血压测血糖
IR02|U-IYY|home_medical|场|2|0.8,0.4|5|onsite||community_education||中医院养生讲座|老中医讲冬病夏治、三伏贴、泡脚的讲究，一个季度两场
IR03|U-IYY|psychological|小时|6|0.8,0.4|5|at_unit|||仅限来院|中医院心理门诊公益时段|每周三下午心理科医生免费接诊，要本人到医院门诊三楼，不上门
IR04|U-IWS|home_medical|人次|40|2.0,-0.3|2|onsite||||卫生服务站入户随访|护士每周给本片区高血压、糖尿病人入户随访，测量、登记、提醒吃药
IR05|U-IWS|epidemic_prevention|场|3|2.0,-0.3|2|onsite||||流感疫苗进小区|秋冬季在小区设点接种流感疫苗，六十岁以上免费
IR06|U-IXX|child_education|小时|40|0.3,0.5|2|at_unit|||只收本校学生|中心小学课后看护班|放学后在学校教室写作业，老师看到五点半，只收本校学生
IR07|U-IXX|venue|场|8|0.3,0.5|3|at_unit|300|sports_leisure||小学操场周末开放|周六周日白天操场和篮球场对社区开放，晚上不开，须提前一周报备
IR08|U-IZX|hairdressing|人次|60|1.5,1.5|3|onsite||elderly_care||职校美发专业义剪|美发专业师生每月最后一个周五进社区，给老年人免费修剪
IR09|U-IZX|employment|场|4|1.5,1.5|5|at_unit|40|community_education||职校短训班|中式面点、月嫂、电工短训班，结业发证书，在学校上课，年龄不限
IR10|U-IZX|tailoring|件|50|1.5,1.5|3|onsite||||服装专业学生摆摊|裁剪专业学生每月来摆一次摊，改裤脚、换拉链、缝补
IR11|U-INH|smartphone_training|场|6|0.2,0.1|4|onsite||public_safety||农商行手机课|银行员工手把手教老年人用智能手机：扫码付款、预约挂号、视频通话，顺带讲怎么防骗
IR12|U-INH|funds|元|20000|0.2,0.1|5|onsite|||只用于助学|农商行助学金|每年两万元，只用于本街道困难家庭孩子上学的学费、书本费，不作他用
IR13|U-ILS|legal_advice|次|12|1.0,-0.2|4|onsite||dispute_mediation||律所一居一法律顾问|每月一次律师到社区坐班，咨询房产、继承、劳动合同，可以当面看材料
IR14|U-ILS|legal_advice|小时|20|1.0,-0.2|50|online|||仅线上|律所线上法律咨询群|微信群里律师在线答复法律问题，发文字语音都行，不出现场
IR15|U-ISG|psychological|小时|24|1.3,0.7|4|onsite||||社工中心心理疏导|持证社工上门做心理疏导，丧偶老人、失独家庭、青少年都做
IR16|U-ISG|dispute_mediation|次|8|1.3,0.7|4|onsite||||社工中心邻里说和|社工带居民代表把双方请到一张桌上说和，漏水、噪音、停车这类
IR17|U-ISG|elderly_care|小时|60|1.3,0.7|3|onsite||hardship_assistance||社工中心时间银行|志愿者每天给独居老人打电话、隔天上门陪聊，帮着买菜
IR18|U-ITS|reading_room|件|300|0.6,0.2|4|onsite||community_education||图书馆流动书箱|每季度给社区送一箱书，大概三百册，有绘本也有保健类，到期轮换
IR19|U-ITS|community_education|场|4|0.6,0.2|30|online|||仅线上直播|图书馆线上读书会|每月一场线上直播读书会，手机点链接进去看
IR20|U-ITS|venue|场|10|0.6,0.2|3|at_unit|12|||图书馆研讨小间|馆里的研讨小间，最多坐十二个人，可以借来开会
IR21|U-IPC|public_safety|场|6|0.1,0.3|5|onsite||||派出所反诈宣传进社区|民警进社区讲反诈，现场帮装国家反诈中心APP
IR22|U-IPC|public_safety|小时|40|0.1,0.3|4|onsite||||警务助理夜间巡逻|辅警每晚九点到十一点在小区周边巡逻
IR23|U-IWY|property_management|件|30|2.2,-0.5|2|onsite|||限本公司在管小区|物业维修队便民服务|物业水电工上门修水龙头、换灯泡、通下水道，材料费自理，只做温泉新城在管的几个小区
IR24|U-IWY|environment|次|4|2.2,-0.5|4|onsite||||物业保洁队清运|物业保洁队帮忙清理楼道公共区域堆物、清运建筑垃圾，每季度一次，不进住户家里
IR25|U-IJJ|funds|元|50000|12.0,5.0|50|onsite|||只用于大病救助|慈善基金大病救助金|只用于低保、低边家庭大病住院自付部分的救助，不用于其他
IR26|U-IJJ|funds|元|10000|12.0,5.0|50|onsite|||只用于适老化改造|慈善基金适老化改造专项|给高龄独居老人家里装扶手、铺防滑垫、配坐便椅，只能用在这上面
IR27|U-IJD|venue|场|6|1.8,0.2|3|at_unit|20|||温泉酒店小会议室|酒店二楼小会议室，二十个座位，投影齐全，工作日白天可借
IR28|U-IJD|elderly_care|人次|30|1.8,0.2|3|at_unit|||限七十岁以上|温泉酒店爱心午餐|每周二、四中午给七十岁以上老人供应爱心午餐，在酒店员工餐厅吃
IR29|U-IJD|employment|名|10|1.8,0.2|5|at_unit|||限18至45岁|温泉酒店招工|客房、后厨帮工岗位十个，要求18到45岁，包吃住
IR30|U-IKD|delivery|次|100|0.9,-0.6|4|onsite||||快递驿站送货上楼|快递员顺路给行动不便的老人把快递、米面油送上楼，不收钱
IR31|U-IKD|volunteering|小时|30|0.9,-0.6|4|onsite||environment||快递小哥志愿队|快递小哥空闲时当网格信息员，看到楼道堵塞、独居老人门口报纸没收就报告社区
IR32|U-IWL|smartphone_training|场|10|8.0,6.0|50|online|||仅线上|互联网公司线上适老课程|录好的短视频课程，教挂号、打车、拍视频剪视频，发链接自己看
IR33|U-IWL|community_education|小时|20|8.0,6.0|50|online|||仅线上，限初中生|程序员线上编程兴趣课|周末线上给初中生上编程课
IR34|U-IGD|public_safety|次|6|0.4,1.9|4|onsite||property_management||供电所线路隐患排查|电工上门查老旧楼道线路、私拉电线充电的隐患，帮着整改
IR35|U-IGD|volunteering|小时|24|0.4,1.9|3|onsite||||供电所党员志愿服务队|党员电工周末义务帮忙，换灯、修电器、搬东西，只到报到的河口社区
IR36|U-ICY|culture_arts|场|4|26.5,12.3|3|onsite||||茶企茶艺表演队|茶艺师表演茶艺、讲茶文化，只在茶山附近
IR37|U-ICY|materials|件|200|26.5,12.3|3|onsite||||茶企捐赠春茶|每年春茶下来捐两百盒茶叶，给村里慰问用
IR38|U-IXF|public_safety|场|4|1.1,1.2|5|onsite||||消防站演练进社区|消防员进小区教用灭火器，组织疏散演练，检查消防通道
IR39|U-IMS|venue|场|6|26.2,11.8|2|at_unit|40|party_lecture||茶山民宿协会共享堂屋|民宿老板们的公共堂屋，可以开会、上课，坐得下四十人
IR40|U-IMS|employment|场|2|26.2,11.8|2|onsite||||民宿经营培训|教村民开民宿：线上接单、布置客房、卫生标准
IR41|U-IYY|nursing|小时|16|0.8,0.4|3|onsite|||不含夜间|中医院护士上门康复护理|护士上门换药、按摩康复、教家属翻身，白天去，不含夜间陪护
IR42|U-ISG|hardship_assistance|户|15|1.3,0.7|5|onsite||||社工中心困难家庭结对|社工结对低保、残疾家庭，定期探访，帮着申请救助政策
IR43|U-INH|materials|件|40|0.2,0.1|4|onsite||micro_wish||农商行微心愿认领|银行党员认领居民微心愿，一个心愿两百元以内的物品
IR44|U-IXX|culture_arts|场|3|0.3,0.5|3|onsite||child_education||小学书法老师进社区|学校书法老师周末教大人小孩写毛笔字
IR45|U-IZX|housekeeping|小时|30|1.5,1.5|3|onsite|||只在工作日|职校家政专业实习上门保洁|家政专业学生在老师带领下上门打扫、擦窗，只在工作日
IR46|U-IPC|dispute_mediation|次|6|0.1,0.3|4|onsite||||社区民警调处纠纷|社区民警参与调处邻里纠纷、家庭矛盾
"""

NEEDS_T9 = """
IN01|C-I2|home_medical|次|2|3|||老粮站宿舍有个爷爷中风后一直躺着|老伴腿脚也不好，出门要三个人抬，药快断了|IR01|IR03
IN02|C-I3|home_medical|人次|15|2|15||新城这边高压低压都超标的不少|去镇上量一回来回一上午，好多人干脆不管了|IR04 IR01|IR02
IN03|C-I6|home_medical|人次|10|2|||西坡几个糖尿病的大爷大妈没人管|指尖扎一下都得跑去排队|IR01|IR04
IN04|C-I5|home_medical|次|4|2|||茶山上的老人看病要下山一个多钟头|村卫生室就一个村医，快七十了||IR01 IR04
IN05|C-I1|psychological|小时|6|2|||老伴走了以后王阿姨天天关在家里哭|饭也不怎么吃，女儿在外地干着急，她自己哪都不肯去|IR15|IR03 IR19
IN06|C-I4|psychological|小时|4|2|||村里有个孩子高考没考好躲屋里一个月不出门|爸妈说什么都不听|IR15|IR03
IN07|C-I3|dispute_mediation|次|3|2|||楼上楼下为卫生间渗水吵了半年|物业看过说是楼上防水坏了，楼上不肯修，两家见面就骂|IR16 IR46|
IN08|C-I6|dispute_mediation|次|2|1|||小区门口车乱摆天天有人吵架|晚上堵得救护车都进不来|IR16 IR46|IR22
IN09|C-I1|legal_advice|次|3|2|||几户人家拆迁补偿的事搞不明白|协议看不懂，怕签错了，想找懂行的人坐下来帮着看看|IR13|IR14
IN10|C-I5|legal_advice|次|2|2|||茶山几户跟收茶老板闹翻了|老板压价还拖着不给钱，当初签了个单子|IR14|IR13
IN11|C-I4|legal_advice|场|1|1|||村改居以后集体分红怎么分大家意见大|想请人讲讲政策和法律上是怎么规定的|IR13|IR21
IN12|C-I2|elderly_care|小时|20|3||否|独居老人没人照看|【老粮站群】各位楼长注意一下：咱们这边一个人住的老人有七八个，上礼拜三单元刘奶奶在卫生间摔了，躺了一晚上第二天早上才被邻居听见，儿子在深圳赶不回来。想问问街道有没有人能每天去敲敲门、陪着说说话，谁家有空的也帮着留意一下🙏|IR17|IR28
IN13|C-I1|elderly_care|人次|20|2|||晌午饭没着落|儿女白天上班，爷爷奶奶自己不会开火，天天凑合吃剩饭，大多七八十了|IR28|IR17
IN14|C-I6|elderly_care|人次|15|2|||西坡刚退休的想找个吃饭的地方|都是六十到六十五岁的，想搭个伙||IR28
IN15|C-I3|nursing|小时|10|3|||刚做完髋关节手术出院的大爷|刀口要天天消毒换纱布，家里人不会弄|IR41|IR04
IN16|C-I2|nursing|小时|12|3|||老伴瘫了夜里要翻身我熬不住|我晚上根本睡不了整觉，想找人夜里替替我||IR41 IR45
IN17|C-I4|hairdressing|人次|25|1|||lr头发长了没处剪||IR08|IR10
IN18|C-I5|hairdressing|人次|20|1|||山上的老人一年到头难得理次发|||IR08
IN19|C-I1|child_education|小时|30|2|||双职工家的孩子三点半放学后没地方去|都在中心小学读书，在小区里晃到天黑|IR06|IR44
IN20|C-I3|child_education|小时|20|2|||新城外来务工人员的娃放学后没人看|孩子在民办学校读书，父母下班要七八点||IR06
IN21|C-I6|child_education|场|4|1|||暑假里娃娃们整天抱着手机|家长问能不能组织点事情让他们做做|IR44 IR18|IR33
IN22|C-I2|smartphone_training|场|2|2|||老人不会用手机挂号|去医院人家都说网上预约，老人只能干瞪眼|IR11|IR32
IN23|C-I5|smartphone_training|场|1|1|||茶山老人想学跟外地儿女视频|儿女过年才回来，老人手机只会接电话||IR11 IR32
IN24|C-I3|public_safety|场|2|2|||好几个老人接到冒充公检法的电话差点转钱|有一个已经转了八千|IR21 IR11|IR32
IN25|C-I2|public_safety|次|3|3|||老宿舍楼道里电线乱拉，电瓶车推进楼里充|去年隔壁小区就烧过一回|IR34 IR38|IR23
IN26|C-I4|public_safety|小时|20|2|||村改居那片晚上老是丢电瓶车|监控坏了好几个|IR22|IR34
IN27|C-I1|public_safety|场|1|1|||想搞一次消防演练|小区从来没搞过，灭火器都过期了|IR38|IR21
IN28|C-I3|property_management|件|15|2|||温泉新城几栋楼灯坏了、下水道堵了|报修好几次没人来|IR23|IR34
IN29|C-I6|property_management|件|10|2|||西坡老小区没物业，水管漏了找不到人|都是八十年代的房子||IR23 IR35
IN30|C-I4|environment|次|2|2|||过道里堆满了杂物和旧家具|拆迁时候留下来的，一直没人清|IR24 IR35|IR31
IN31|C-I2|environment|次|1|1|||老粮站垃圾分类推不动|桶放那里大家还是乱扔，得有人天天盯着教||IR24
IN32|C-I1|venue|场|4|2|40||支部党员大会没地方开|社区会议室太小，党员有四十来个||IR27 IR20
IN33|C-I3|venue|场|2|1|15||新城楼栋长想找个地方开会|十五个人左右，工作日下午|IR27|IR20
IN34|C-I6|sports_leisure|场|6|1|||西坡的广场舞队没地方跳|在路边跳被人投诉，礼拜六礼拜天也行|IR07|IR27
IN35|C-I4|sports_leisure|场|4|1|||村里年轻人想组个篮球队|晚上下班后才有空，村里没球场||IR07
IN36|C-I5|venue|场|2|2|30||山上党支部上党课没有像样的地方|村部漏雨，党员三十个|IR39|IR27
IN37|C-I5|employment|场|1|2|||茶山年轻人都跑出去打工了|村里想把空房子利用起来留住人，但没人懂|IR40|IR09
IN38|C-I2|employment|名|5|2|||老粮站有几个四十七八的下岗大姐想找活干|有力气，能吃苦，就是没手艺|IR09|IR29
IN39|C-I6|employment|名|3|2|||几个刚毕业的小年轻在家待业|二十出头，不挑活|IR29|IR40
IN40|C-I1|funds|元|3000|3|||低保户老刘住院自付的钱凑不出来|尿毒症，一个月透析好几次|IR25|IR12 IR43
IN41|C-I4|funds|元|5000|2|||村改居社区活动室想换一套桌椅和空调|夏天开会热得坐不住||IR12 IR25 IR26
IN42|C-I2|hardship_assistance|户|3|2|||老粮站三户困难家庭孩子开学学费交不上|一户单亲，两户父母都有病|IR12|IR25
IN43|C-I6|elderly_care|户|4|2|||几个高龄老人在卫生间摔过|家里地面滑，起身没地方扶|IR26|IR17
IN44|C-I3|hardship_assistance|户|5|2|||新城有几户家里有瘫痪、智障的人|日子紧巴巴，平时也没人来问一声|IR42|IR43
IN45|C-I1|micro_wish|件|10|1|||小朋友想要新书包，独居奶奶想要个电饭煲|社区收了十来张愿望卡|IR43|IR12
IN46|C-I2|reading_room|件|100|1|||老粮站书屋的书还是十几年前的|老人想看点养生的、小娃想看带图的|IR18|IR19
IN47|C-I5|reading_room|件|50|1|||茶山小学生假期没书看|||IR18
IN48|C-I4|community_education|场|2|1|||居民想学点养身知识|冬天老寒腿的多，都在乱吃保健品|IR02|IR19
IN49|C-I3|tailoring|件|20|1|||衣服裤子破了没地方弄|原来的裁缝铺拆了|IR10|IR45
IN50|C-I6|housekeeping|小时|10|2|||几户独居老人家里脏得没法下脚|自己弯不下腰|IR45|IR24
IN51|C-I1|housekeeping|小时|6|1|||想请人帮老两口大扫除|女儿周末回来能搭把手，只能周六周日||IR45
IN52|C-I2|delivery|次|20|2|||老粮站都是没电梯的六层楼|lr买米买油扛不上去|IR30|IR31
IN53|C-I5|delivery|次|10|1|||茶山上收快递得下山去镇上拿|||IR30
IN54|C-I4|culture_arts|场|2|1|||过年想写春联挂起来|村里以前写字的老先生不在了|IR44|IR36
IN55|C-I5|culture_arts|场|1|1|||采茶节想搞个节目|游客来了光看风景，没啥看头|IR36|IR44
IN56|C-I3|epidemic_prevention|场|1|2|||入冬了感冒发烧的一茬接一茬|老人孩子一不舒服就挤医院|IR05|IR02
IN57|C-I6|epidemic_prevention|场|1|2|||西坡想给老人打流感疫苗|老人跑不动，希望在小区里打||IR05
IN58|C-I1|party_lecture|场|2|1|||支部想请人讲讲党史|党员大多七十多岁，看手机费劲，要面对面讲||IR19
IN59|C-I2|volunteering|小时|10|1|||老粮站想请人帮老人换换灯泡修修电器|都是小毛病，就是没人会||IR35 IR23
IN60|C-I4|volunteering|小时|16|2|||几个孤寡老人家里线头老化、灯不亮||IR35 IR34|IR23
IN61|C-I3|smartphone_training|场|1|1|9|是|有几个阿姨想学剪短视频|她们自己会用手机，就是不会剪|IR32|IR11
IN62|C-I6|legal_advice|次|1|1||是|子女不给赡养费怎么办|老人不好意思上门找人，手机上问问就行|IR14 IR13|
"""
