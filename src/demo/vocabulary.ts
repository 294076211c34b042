/**
 * Word lists for invented demo data. Names are random combinations of common surnames and given-name
 * characters; places and units are made up ("示例市", "青禾区") so no real person or body is named.
 */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙', '史',
  '欧阳', '司马', '上官',
];

export const GIVEN_CHARS = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
  '刚', '桂', '文', '华', '建', '国', '红', '玉', '兰', '英', '志', '宇', '晨', '欣', '婷', '浩', '然', '子', '涵', '雨',
  '思', '佳', '嘉', '俊', '博', '怡', '晓', '梦', '琳', '雪', '鹏', '飞', '海', '波', '亮', '宁', '辉', '林', '春', '雯',
];

export const DISTRICTS = ['青禾区', '云溪区', '澄湖区', '望川县', '松石县'];

export const BUREAUS = [
  '教育局', '卫生健康委员会', '财政局', '自然资源局', '住房和城乡建设局', '交通运输局', '水务局', '农业农村局',
  '商务局', '文化体育和旅游局', '市场监督管理局', '统计局', '医疗保障局', '城市管理局', '应急管理局', '审计局',
];

export const SECTIONS = [
  '机关', '办公室', '综合科', '政策法规科', '计划财务科', '人事科', '信息中心', '执法大队', '服务中心', '第一中学',
  '第二中学', '实验小学', '人民医院', '中医院', '疾控中心', '档案室', '后勤科', '监督科', '规划科', '审批科',
];

export const POSITIONS = ['科员', '副科长', '科长', '副主任', '主任', '副局长', '教师', '医师', '会计', '工程师', '办事员'];

/** Made-up 6-digit region codes; only the checksum of the ID number matters for demo data. */
export const REGION_CODES = ['329901', '329902', '329903', '329904', '329905'];

/** Invented account names: a place-like word, a topic, a suffix ("青禾读书笔记"). */
export const ACCOUNT_WORDS = ['青禾', '云溪', '澄湖', '望川', '松石', '晨光', '向阳', '清风', '明月', '春华'];
export const ACCOUNT_TOPICS = ['读书', '说法', '健康', '教育', '志愿', '党建', '科普', '文旅', '便民', '乡村'];
export const ACCOUNT_SUFFIXES = ['笔记', '驿站', '课堂', '之声', '小站', '微讲堂'];
export const GROUP_SUFFIXES = ['工作群', '服务群', '交流群', '志愿者群'];
export const PUBLIC_PLATFORMS = ['微信公众号', '微信视频号', '抖音', '快手', '哔哩哔哩', '小红书', '今日头条', '知乎', '微博'];
export const ORDINARY_PLATFORMS = ['微博', '抖音', '快手', '小红书', '知乎', '论坛社区'];
export const GROUP_PLATFORMS = ['微信群', 'QQ群'];
export const REQUEST_TITLES = ['关于开展学雷锋志愿服务活动的通知', '汛期安全出行提示', '新修订《城市绿化管理办法》政策解读', '本单位2025年度工作总结'];

export const HONOURS = ['网络文明传播先进个人', '优秀网评员', '网络正能量传播之星', '网络宣传工作先进个人'];
export const APPROVING_BODIES = ['中共示例市委宣传部', '示例市网信办', '本单位党委'];
export const ATTACK_DESCRIPTIONS = [
  '在平台发布政策解读后，遭大量恶意评论和人身攻击',
  '辟谣文章被断章取义转发，个人信息遭曝光',
  '参与网上正面发声后，被冒用身份发布不实信息',
];

export const CLOSE_REASONS = ['不再使用', '工作调整，移交单位管理', '平台账号合并'];

/** The invented 细则 the demo's 报备规则 rest on, so reports and forms show the 依据 line a real register prints. */
export const DEMO_RULES_BASIS = { name: '示例市党员干部网络账号报备管理实施细则', number: '示组发〔2024〕12号' };
