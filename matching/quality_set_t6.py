"""T6 (盐仓): a tuning district of the labelled set, written blind.

盐仓街道 is a river-port street: an old dock quarter (渡口), a shipyard's unit-based
community (船厂), a village turned residence (后湾), a new commodity estate (云锦苑), the
old centre (盐仓) and a mountain community thirty-odd km out (青峰). Needs, resources and
labels were written together, by a helper who never read how the matcher decides, from
DOMAIN.md, the seeds and the taxonomy only; the columns are those of
:mod:`matching.quality_set`. Labels are a street clerk's judgment: ``right`` what the
clerk would accept, ``tempting`` what looks right but the clerk would refuse (earmarked
money, restricted groups, too few seats, days that do not meet, out of reach, online
where someone must come, or the wrong kind of help under a shared word).
"""

from __future__ import annotations

# community id -> (name, (x, y) km east/north of the street office, weak community)
COMMUNITIES_T6: dict[str, tuple[str, tuple[float, float], bool]] = {
    "C-B1": ("盐仓", (0.0, 0.0), False),
    "C-B2": ("船厂", (1.4, 0.8), False),
    "C-B3": ("渡口", (2.1, -0.7), True),
    "C-B4": ("后湾", (0.6, 2.4), True),
    "C-B5": ("青峰", (28.0, 17.0), False),
    "C-B6": ("云锦苑", (-1.8, 1.0), False),
}

# (unit, community) registered with each other (双报到)
REGISTRATIONS_T6: tuple[tuple[str, str], ...] = (
    ("U-BCC", "C-B2"), ("U-BGS", "C-B3"), ("U-BWY", "C-B6"), ("U-BNH", "C-B4"),
)

RESOURCES_T6 = """
BR01|U-BYY|home_medical|次|8|1.0,0.5|4|onsite||elderly_care||区二院家庭医生团队|全科医生带一名护士，每月两趟下沉到签约片区，测量、调整处方；行动不便者可约上门
BR02|U-BYY|nursing|小时|10|1.0,0.5|3|onsite|||仅限本院出院病人|二院康复科延续护理|康复治疗师对本院骨科、脑卒中出院病人做居家康复训练指导，外院出院的不接
BR03|U-BWS|home_medical|次|20|0.1,0.1|2|at_unit||||盐仓社区卫生服务站|每周三上午免费量血压血糖、开慢病长处方，需本人到站
BR04|U-BYK|home_medical|次|4|-1.5,0.8|2|onsite|||仅限十二岁以下儿童|贝齿口腔公益涂氟|医生护士进幼儿园、小学和社区，为十二岁以下儿童查龋、涂氟，成人项目一律不做
BR05|U-BXX|child_education|小时|20|0.3,0.2|2|at_unit||||盐仓中心小学课后服务|放学后延时托管到五点半，老师看作业，只收本校在读学生
BR06|U-BZX|child_education|小时|12|1.6,1.0|3|onsite||community_education||十四中党员教师周六助学|在职党员教师双报到，每周六上午去各社区给初中生讲数学、英语
BR07|U-BZX|sports_leisure|场地|2|1.6,1.0|3|at_unit|300|venue||十四中操场假期开放|学校田径场、篮球场、风雨操场只在寒暑假向周边居民开放，开学期间不开放
BR08|U-BNH|smartphone_training|场|4|0.2,-0.1|3|onsite||community_education||农商行数字课堂|大堂经理上门讲课：手机缴水电费、预约挂号、识别电信诈骗，每场人数不限
BR09|U-BNH|funds|元|20000|0.2,-0.1|50|online||hardship_assistance|只用于困难家庭在读大学生学费|农商行圆梦助学金|每年两万元，只资助本街道困难家庭在读大学生的学费，其他用途不受理
BR10|U-BGS|volunteering|人次|40|2.3,-0.5|3|onsite||environment public_safety||港务集团青年突击队|码头团员青年，周末可出三四十人，搬运、清运、巡逻都行
BR11|U-BGS|venue|场地|2|2.3,-0.5|3|at_unit|120|||港务职工之家多功能厅|可坐一百二十人，带投影音响，提前一周预约，晚上和周末也可借
BR12|U-BGS|materials|件|200|2.3,-0.5|5|onsite||||港务集团闲置办公家具|机关搬迁换下来的桌子椅子、铁皮柜约二百件，九成新，负责送到
BR13|U-BCC|tailoring|次|10|1.5,0.9|2|onsite||property_management||船厂电钳工便民队|退休和在职电工、钳工组队，修水管、换灯泡、通下水道，不做缝补
BR14|U-BCC|elderly_care|份|60|1.5,0.9|1.5|at_unit|||仅限船厂退休职工|船厂食堂老年餐|职工食堂中午留六十份，十元一份，凭本厂退休证就餐
BR15|U-BLS|legal_advice|次|8|0.4,0.3|4|onsite||dispute_mediation||汇诚律所一居一顾问|律师每月第一个周四下午到社区坐班，婚姻家庭、劳动报酬、房屋租赁拆迁，可代写文书
BR16|U-BLS|legal_advice|次|30|0.4,0.3|50|online||||汇诚律所公众号留言咨询|公众号后台留言，三个工作日内文字答复，不见面、不代写诉状、不出庭
BR17|U-BSG|psychological|次|12|-1.6,1.1|2.5|onsite||||暖巢社工个案陪伴|持证社工入户，陪丧偶、失独、长期卧床家庭聊天疏导，可以长期跟进
BR18|U-BSG|child_education|小时|16|-1.6,1.1|2.5|at_unit||||暖巢四点半课堂|设在云锦苑会所二楼，三到十二岁，社工带写作业、做手工，开到六点半
BR19|U-BSG|dispute_mediation|次|6|-1.6,1.1|3|onsite||psychological||暖巢邻里调解室|社工加人民调解员一起上门，楼上楼下、婆媳妯娌、业主和物业的疙瘩都能坐下来谈
BR20|U-BTS|reading_room|册|500|0.0,0.3|35|onsite||community_education||区图书馆流动书车|每月一趟，送书换书，可以在社区、村小设借阅点，山区也跑
BR21|U-BTS|community_education|场|4|0.0,0.3|50|online||||图书馆云讲堂|视频号直播加回放：防骗常识、健康养生、家庭教育，每月一期
BR22|U-BTS|venue|场地|1|0.0,0.3|2|at_unit|12|||盐仓分馆小研讨室|分馆二楼小房间，一张长桌，最多十二个座位
BR23|U-BXF|public_safety|场|4|0.8,-0.3|4|onsite||||盐仓消防站进小区|消防员上门讲用火用电，演示灭火器，帮着排查通道杂物和飞线充电
BR24|U-BXF|materials|个|100|0.8,-0.3|4|onsite||public_safety|只发给独居老人和残疾人家庭|灭火毯免费发放|一百条灭火毯，只发给独居老人和残疾人家庭，要社区出名单
BR25|U-BWY|property_management|次|10|-1.8,1.0|2.5|onsite||||安居物业红色物业支援|物业维修工支援周边无物业老旧小区：路灯、楼道灯、单元门禁
BR26|U-BWY|environment|次|4|-1.8,1.0|2|onsite|||不含装修垃圾清运|安居物业保洁队|每月一次公共区域大扫除，清理卫生死角，装修垃圾清运不在内
BR27|U-BJJ|funds|元|50000|0.6,0.1|50|online|||只用于老旧楼加装电梯|盐仓商会加梯补贴|商会会员单位出资五万元，专款补贴老旧楼加装电梯，其他项目一概不批
BR28|U-BCS|funds|元|30000|0.0,0.0|50|online||hardship_assistance||区慈善会急难救助|因大病、意外、火灾突遭变故的家庭可申请，一户一般不超过三千元
BR29|U-BKD|delivery|次|30|0.5,0.1|3|onsite||||顺达快递网点爱心跑腿|快递员顺路代取药、代买粮油送上楼，不收跑腿费
BR30|U-BMF|hairdressing|人次|20|0.9,1.8|3|onsite||elderly_care||丝丝理发上门剪|每月最后一个周一店休，师傅带工具入户给卧床、高龄长者剪头
BR31|U-BJZ|housekeeping|小时|20|-0.9,0.6|3|onsite||||好帮手家政公益日|每周二白天，家政阿姨免费入户擦窗、拖地、收拾屋子
BR32|U-BHL|nursing|小时|8|0.4,2.0|3|onsite||home_medical||康宁护理站上门护理|护士上门换药、导尿、压疮护理，晚上八点以后不出诊
BR33|U-BDX|smartphone_training|场|2|0.3,0.4|2|at_unit|15|||电信营业厅长者课堂|每期十五个座位，在营业厅里教视频通话、预约挂号、看健康码
BR34|U-BRS|employment|场|3|0.1,0.0|5|onsite||community_education||人社就业服务站进社区|带企业岗位来现场招聘，月嫂、叉车工、电商客服免费培训报名
BR35|U-BZZ|party_lecture|场|3|3.0,2.0|40|onsite||||区委党校送课到支部|党校老师上门讲专题党课，需提前半个月预约
BR36|U-BXL|psychological|次|50|0.5,0.0|50|online|||只能电话或视频|市心理援助热线|二十四小时电话和视频接听，不上门
BR37|U-BWT|culture_arts|场|4|-1.2,1.4|4|onsite||||夕阳红艺术团|业余团员教广场舞、越剧清唱，可帮社区排节目
BR38|U-BTY|sports_leisure|人次|15|0.7,1.1|3|at_unit|||只限六十五岁以上|碧波游泳馆长者公益场|每周一、四上午，六十五岁以上免费，其他年龄不参加
BR39|U-BQS|child_education|小时|30|0.5,0.5|35|onsite||volunteering||大学生暑期支教队|师范学院志愿者只在七八月下社区、下山村，陪读、带游戏、看安全
BR40|U-BGD|public_safety|次|8|1.9,-0.3|4|onsite||property_management||供电所安全用电服务队|电工入户查线路，免费更换漏电保护开关
BR41|U-BDQ|legal_advice|场|2|0.6,0.9|5|onsite||community_education||区检察院普法进社区|检察官办讲座：防校园欺凌、防养老诈骗，只讲课不接个案
BR42|U-BQF|home_medical|次|10|28.5,17.2|3|onsite||||青峰卫生院巡诊|乡镇卫生院医生每半月上一次山，量血压、看小病、送常用药
BR43|U-BNY|employment|场|2|27.0,16.0|5|onsite||||市农科所青峰工作站|农技员下村教果树修剪、病虫害防治
BR44|U-BHB|environment|次|3|3.5,-1.0|3|onsite||||绿源环保分类督导|督导员驻点两周，教居民分类投放，协助设桶
BR45|U-BYY|home_medical|次|100|1.0,0.5|50|online||||二院互联网医院|手机上复诊续方，药品快递到家，需有本院就诊记录
BR46|U-BKF|materials|件|20|-0.5,-0.3|4|onsite||nursing||康复辅具免费借用|轮椅、助行器、护理床免费借用三个月，送货上门
BR47|U-BCY|elderly_care|份|40|0.9,0.2|2.5|onsite||||鑫和餐饮长者送餐|中午送一顿，十二元，满十份起送
BR48|U-BJK|epidemic_prevention|场|2|0.2,0.6|6|onsite||community_education||区疾控中心健康讲堂|疾控医生进社区、进幼儿园讲流感诺如预防，带消毒药品
"""

NEEDS_T6 = """
BN01|C-B3|home_medical|次|2|2|||老王头血压下不来药快吃完了|住五楼腿脚不利索，儿子在外地跑船，智能手机也不会用|BR01|BR03 BR45
BN02|C-B1|home_medical|次|1|1|||孩子牙黑了好几颗|上大班了，刷牙老糊弄，一说去看就哭|BR04|
BN03|C-B4|home_medical|次|1|2|||奶奶假牙松了吃饭咯得慌|七十九了，想重新配一副||BR04
BN04|C-B5|home_medical|次|4|2|||山上老人看个病要坐两个钟头车|上面二三十户大多是老人，能不能隔段时间有大夫上来一趟|BR42|BR01
BN05|C-B6|home_medical|次|3|1||是|上班族配药老得请假|高血压糖尿病的，一直在二院看，每个月排队半天就为开几盒药，网上能弄不|BR45|BR03
BN06|C-B2|nursing|小时|6|3|||老伴开完刀回家刀口每天得消毒|在市里大医院做的，回来才一个礼拜，天天打车跑吃不消|BR32|BR02
BN07|C-B4|nursing|小时|10|3|||瘫痪的老人夜里没人管|@网格长 7组张家老人瘫了两年了，女儿白天在厂里上班，晚上回来还要弄，前天在群里说自己快崩溃了。半夜要翻身要擦洗，能不能找个人夜里过来搭把手，哪怕一个礼拜两三晚也好||BR32 BR31
BN08|C-B1|elderly_care|份|20|2|||几个孤老一包方便面对付一顿|七八十岁的，自己不开火|BR47|BR14
BN09|C-B2|elderly_care|份|30|2|||厂里上了年纪的老师傅吃饭成问题|老伴走了的自己不会烧，想在附近吃口热乎的|BR14 BR47|
BN10|C-B5|elderly_care|份|10|2|||山上孤寡老人吃饭|有几个八十多的，灶台都生不起火||BR47
BN11|C-B3|hairdressing|人次|8|1|||瘫在床上的几个老人头发老长|家里人也不会剪，出不了门|BR30|
BN12|C-B3|legal_advice|次|2|2|||跑船的工钱老板拖着不给|七八个船员，拖了大半年，每人一万多块，去要就说没钱|BR15|BR16 BR41
BN13|C-B6|legal_advice|次|1|1||是|房东不退押金|小年轻刚上班，打字问问就行|BR16 BR15|
BN14|C-B4|dispute_mediation|次|2|2|||宅基地边界两家吵了三年|分家时候的老账，兄弟俩碰上就骂，上个月差点动了锄头|BR19 BR15|BR16
BN15|C-B6|dispute_mediation|次|1|2|||楼上半夜跺脚楼下拿棍子捅天花板|报了两回警也没用，两家都在业主群里骂|BR19|BR25
BN16|C-B1|psychological|次|3|3|||儿子没了以后老两口不出门|去年出的事，老太太天天在阳台上坐着发呆，敲门不开，电话不接，邻居说夜里听见哭。社区去过两趟，我们也不知道该咋劝|BR17|BR36
BN17|C-B5|psychological|次|2|2||是|留守的初中生不说话|爸妈在外打工，班主任说孩子可能有点抑郁，视频聊也行|BR36|BR17
BN18|C-B2|child_education|小时|15|2|||双职工孩子放学没地方去|娃都在船厂子弟学校，三点半放学，爸妈六点才下班，天天在厂门口晃||BR05 BR18 BR06
BN19|C-B6|child_education|小时|10|2|||一年级小朋友下午没人接|在实验小学上学，爷爷奶奶在老家，我们下班赶到家得六点多|BR18|BR05
BN20|C-B1|child_education|小时|8|1|||初三娃英语考十几分|家里请不起家教，周末能有人给讲讲就好|BR06|
BN21|C-B4|child_education|小时|6|2|||村里小孩暑假天天泡在河边|去年就差点出事，7、8月份大人都在外面干活|BR39|BR07
BN22|C-B5|child_education|小时|20|2|||留守娃平时周末作业没人辅导|学期里每个周末，爷爷奶奶不识字||BR39 BR06
BN23|C-B1|smartphone_training|场|1|1|12||老头老太太不会用手机挂号|上回去医院机器上点来点去，后头排队的直嚷嚷，十来个人想学学|BR33 BR08|
BN24|C-B3|smartphone_training|场|1|1|60||老年协会想请人来讲讲智能机|会员30来个，加上家属得60来个，想一起听，在协会活动室就行|BR08|BR33
BN25|C-B6|community_education|场|2|1||是|业主群里天天有人被骗|冒充快递理赔、刷单返利，老人年轻人都有上当的|BR21 BR41 BR08|
BN26|C-B2|party_lecture|场|1|1|150||七一想搞个像样的学习|退休的加在职的一百五十来号党员，厂礼堂坐得下，想请区里的专家来讲一课|BR35|BR21
BN27|C-B3|venue|场地|1|2|100||年底开居民代表大会没地方|九十来号代表，社区活动室顶多挤三十个|BR11|BR22 BR07
BN28|C-B4|venue|场地|1|1|30||老年腰鼓队下雨天没处练|三十几个人，平时在村口晒谷场，一下雨就歇了||BR11 BR22
BN29|C-B1|reading_room|册|200|1|||书屋的书还是十年前的|都是养殖技术、旧杂志，孩子们翻两下就不看了|BR20|
BN30|C-B5|reading_room|册|300|1|||山里小学书架空空的|就一个教学点十几个娃，一架子书都凑不满|BR20|
BN31|C-B6|culture_arts|场|3|1|||小区春晚冷冷清清|去年就唱了三首歌，今年想让阿姨们排个舞|BR37|
BN32|C-B5|culture_arts|场|2|1|||重阳节想热闹热闹|山里人一年到头看不上一场戏，请个剧团唱两出||BR37
BN33|C-B2|sports_leisure|人次|20|1|||年轻人下了班没地方打球|厂里篮球场改停车场了，小伙子们只能回宿舍打游戏||BR07 BR38
BN34|C-B1|sports_leisure|人次|15|1|||几个老人想游泳|七十上下十几个，关节不好，医生让多游泳，外面游泳馆太贵|BR38|
BN35|C-B3|public_safety|场|1|2|||楼道里堆满了破烂|纸箱、旧沙发、电瓶车，一着火谁都跑不了|BR23 BR10|
BN36|C-B4|public_safety|次|5|3|||老房子电线老化去年烧过一回|都是几十年前拉的明线，插座冒火星，村里老人舍不得换|BR40 BR13|
BN37|C-B6|public_safety|个|10|1|||年轻家庭想在家备个灭火毯|物业群里问的人不少，想统一领一批||BR24
BN38|C-B1|hardship_assistance|元|3000|3|||低保户家里着了火|厨房全烧了，一家四口先借住在亲戚家|BR28|BR27
BN39|C-B2|funds|元|40000|2|||五号楼装电梯差钱|业主凑了一大半，还差四万|BR27|
BN40|C-B3|funds|元|10000|2|||老楼下水管道烂了要整根换|渡口3栋的情况跟大家说一下：一下雨一楼就返水，屎尿都冒上来，住户已经找过好几回了。维修基金早用光了，问了施工队要一万块左右，能不能想办法凑凑||BR27 BR28 BR13
BN41|C-B4|hardship_assistance|元|5000|2|||困难户孩子考上师范交不起钱|父亲残疾，母亲打零工，九月份就要报到|BR09|BR28
BN42|C-B1|hardship_assistance|元|2000|2|||独居老人冬天盖不暖|屋里冷，就一床薄被子，也没有电热毯，去看了心里怪难受的||BR28 BR09
BN43|C-B6|employment|场|1|1|||全职宝妈想找点能顾家的活|孩子上学了，想学个手艺或者在家里干|BR34|
BN44|C-B5|employment|场|2|2|||山上果园今年结得少还生虫|几十户都靠这个吃饭，叶子卷了，果子没长大就掉|BR43|
BN45|C-B4|employment|场|1|1|||村改居以后一帮中年人没事干|四五十岁，地没了，又没文凭，天天在村口打牌，zf能不能给找点事作|BR34|
BN46|C-B3|environment|次|2|2|||渡口边上垃圾堆成山|鱼腥味熏得窗户都不敢开，苍蝇成群|BR10|BR44 BR26
BN47|C-B6|environment|次|1|1|||xq装修垃圾堆在单元门口半个月|几家一起装修，都说不是自己的||BR26 BR10
BN48|C-B2|environment|次|2|1|||垃圾桶旁边天天乱扔|分不分的都往一个桶里倒，劝了也没用|BR44|
BN49|C-B4|property_management|次|3|2|||巷子里路灯坏了一大半|晚上黑灯瞎火，老人不敢出门|BR13|BR25
BN50|C-B1|property_management|次|2|2|||楼洞的门锁坏了谁都能进|老院子没人管，前阵子还丢了两辆电瓶车|BR25|
BN51|C-B3|delivery|次|10|2|||老人买米买油扛不上楼|没电梯，二十斤一袋的米扛到六楼要歇好几回|BR29|
BN52|C-B5|delivery|次|4|2|||去镇上拿药来回一天|老病号每个月都得跑，有的己经走不动了|BR42|BR29 BR45
BN53|C-B2|materials|件|30|1|||老年活动室桌椅散架了|坐上去嘎吱响，有两把已经塌了|BR12|
BN54|C-B1|materials|件|2|2|||刚出院的大爷下不了地|中风了半边不能动，家里想推他出去透透气|BR46|
BN55|C-B6|epidemic_prevention|场|1|2|||幼儿园好几个班都停课了|小朋友一个传一个，家长群里都慌了，发烧的拉肚子的都有|BR48|BR21
BN56|C-B4|micro_wish|件|1|1|||小孙女开学还背着塑料袋|奶奶说孩子想要个书包||BR09
BN57|C-B3|party_lecture|场|1|1|||跑船的党员过年回来想一起过组织生活|流动党员十几个，一年到头在船上，春节才聚得齐，想请人讲一课|BR35|BR21
BN58|C-B5|party_lecture|场|1|1|||山上老党员好几年没听过课|七十多岁，下不了山|BR35|
BN59|C-B2|housekeeping|小时|4|1|||独居老人家里脏得下不去脚|八十多了弯不下腰，窗户几年没擦过|BR31|BR26
BN60|C-B6|nursing|小时|6|2|||婆婆做完髋关节手术要练走路|在区二院做的，回家一个月，医生让慢慢练|BR02|
BN61|C-B1|tailoring|次|5|1|||老人衣服扣子掉了裤脚长了没人弄|眼睛花了穿不上针||BR13
BN62|C-B2|psychological|次|2|3|||老公喝酒喝垮了说不想活|船厂下岗那批人，家里天天吵，老婆半夜跑到社区哭|BR36|BR17
BN63|C-B6|elderly_care|小时|10|2|||老太太白天一个人在家怕摔|儿女都上班，老人家有点糊涂了，想白天有个地方待着||BR31 BR14
BN64|C-B5|smartphone_training|场|1|1|||山上老人想跟外地孩子视频|手机是孩子寄回来的，开机都不会||BR33 BR08
BN65|C-B4|legal_advice|次|1|2||否|征地补偿协议看不懂|一家老小等着签字，怕被坑，想找个懂行的当面给看看|BR15|BR16 BR41
"""
