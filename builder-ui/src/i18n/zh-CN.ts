/** 简体中文界面文本（与 en.ts 键一致）。 */
import type { Resources } from './en';

export const zhCN: Resources = {
  app: { title: 'Tessera 构建器', signOut: '退出登录', language: '语言' },
  login: { title: '登录 Tessera', email: '邮箱', password: '密码', submit: '登录', failed: '登录失败' },
  apps: {
    title: '应用', create: '新建应用', import: '导入 JSON', open: '打开', empty: '还没有应用，创建第一个吧。',
    name: '名称', id: '应用 ID', idHelp: '小写字母、数字和连字符，用于 URL。', published: '已发布 v{{n}}', draft: '仅草稿',
    revision: '修订 {{n}}', updated: '更新于', createTitle: '创建应用', created: '应用已创建',
  },
  nav: { data: '数据', pages: '页面', access: '权限', navigation: '菜单', json: 'JSON', versions: '版本', back: '全部应用' },
  toolbar: {
    undo: '撤销', redo: '重做', undoCmd: '撤销 {{cmd}}', redoCmd: '重做 {{cmd}}', publish: '发布', publishBlocked: '修复 {{count}} 个错误后才能发布',
    errors: '{{count}} 个错误', noErrors: '没有错误', preview: '预览', export: '导出 JSON',
  },
  save: { idle: '', dirty: '有未保存的更改', saving: '保存中…', saved: '所有更改已保存', error: '保存失败：{{message}}', conflict: '已在别处修改' },
  conflict: {
    title: '此草稿已在别处被修改', body: '在你打开之后，有其他人保存了这个应用。你最近的修改尚未保存。',
    reload: '重新加载对方版本（放弃我的）', overwrite: '用我的覆盖',
  },
  data: {
    entities: '实体', addEntity: '添加实体', entityName: '实体名称', noEntities: '还没有实体', noEntitiesHint: '实体是一类记录：客户、订单……',
    fields: '字段', diagram: '关系图', indexes: '索引', settings: '实体设置', addField: '添加字段', field: '字段', type: '类型', label: '标签',
    flags: '标记', required: '必填', unique: '唯一', indexed: '索引', deleteField: '删除字段', deleteEntity: '删除实体', confirmDelete: '删除“{{name}}”？',
    selectEntity: '选择一个实体以编辑其字段', fieldSettings: '字段设置', selectField: '选择一个字段以编辑设置',
    addIndex: '添加索引', uniqueIndex: '唯一', indexFields: '字段', noIndexes: '没有复合索引', diagramHint: '从实体右侧的连接点拖到另一个实体即可添加关联。',
  },
  pages: {
    pages: '页面', addPage: '添加页面', pageTitle: '页面标题', noPages: '还没有页面', palette: '组件', emptyCanvas: '把组件拖到这里',
    dropInside: '放到这里', properties: '属性', data: '数据', selectComponent: '选择一个组件进行编辑', pageSettings: '页面设置',
    componentId: '组件 ID', deleteComponent: '删除组件', route: '路由', title: '标题',
  },
  source: {
    entity: '实体', filter: '筛选', sort: '排序', limit: '数量上限', addRule: '添加条件', addGroup: '添加条件组', and: '全部满足', or: '任一满足',
    field: '字段', operator: '运算符', value: '值', noFilter: '无条件：全部记录', addSort: '添加排序', asc: '升序', desc: '降序',
    computedColumn: '添加计算列', computedName: '列名',
    not: '取反', notShort: '非', notHelp: '对此条件取反（$not）', raw: 'JSON',
    rawHelp: '此条件无法显示为规则，将按原样保留。', rawNotObject: '条件必须是 JSON 对象：{ "字段": … }',
  },
  bind: {
    title: '这个{{type}}显示哪些记录？', hint: '选择它绑定的实体，之后可在“数据”标签页中修改。',
    placeholder: '选择实体', add: '添加',
  },
  computed: {
    title: '为计算列命名', expression: '表达式', edit: '编辑', name: '列名', nameHelp: '将成为 {{entity}} 的计算字段；留空则使用建议的名称。',
    resultType: '结果类型', add: '添加列', hint: '读取每条记录时计算其值。',
  },
  rename: {
    button: '重命名', help: '重命名会更新应用中对它的所有引用。', pattern: '以字母开头，只能包含字母、数字或 _（最多 64 个字符）。',
    taken: '“{{id}}”已被使用。',
    storedData: '下次发布时，已保存记录的值会迁移到新 ID。',
  },
  access: {
    roles: '角色', addRole: '添加角色', roleName: '角色名称', noRoles: '还没有角色', noRolesHint: '角色汇总其用户可以做的事：销售代表、经理……',
    undeclared: '未声明', undeclaredHint: '有权限引用了此角色，但应用中没有声明它。', declare: '声明此角色',
    permissions: '权限', settings: '角色设置', entity: '实体', rows: '记录', fields: '字段', noAccess: '无权限',
    selectRole: '选择或添加一个角色，编辑其用户可以做的事。', deleteRole: '删除角色', confirmDeleteRole: '删除角色“{{name}}”及其 {{count}} 条权限？',
    matrixHint: '拥有此角色的用户可以对每个实体执行的操作。没有任何操作时，该实体对他们关闭。',
    selectEntity: '点击一个实体，设置此角色可见的记录和字段。', giveActionFirst: '请先为此角色授予对 {{entity}} 的至少一项操作。',
    rowScope: '可见记录', ownerField: '负责人字段', ownerFieldHelp: '“自己的”和“团队的”会用此字段与当前登录用户比较。', needsOwner: '使用“自己的/团队的”前请选择负责人字段。',
    fieldAccess: '字段权限', hiddenCount: '{{count}} 个隐藏', readonlyCount: '{{count}} 个只读', field: '字段',
  },
  action: { create: '新建', read: '查看', update: '修改', delete: '删除' },
  rowScope: { own: '自己的', team: '团队的', all: '全部', ownHelp: '自己负责的记录', teamHelp: '所在团队负责的记录', allHelp: '所有记录' },
  fieldAccess: { visible: '可见', readonly: '只读', hidden: '隐藏' },
  menu: {
    title: '菜单', addItem: '添加菜单项', addChild: '添加子项', newItem: '新菜单项', empty: '菜单为空', emptyHint: '菜单项打开页面；带子项的菜单项是一个分组。',
    item: '菜单项', selectItem: '选择一个菜单项进行编辑。', deleteItem: '删除菜单项', moveUp: '上移', moveDown: '下移', indent: '缩进', outdent: '取消缩进',
    unlisted: '不在菜单中的页面', addPage: '加入菜单', group: '分组', dragHint: '拖动菜单项以调整顺序，拖到另一项上可嵌套。',
  },
  ops: { $eq: '等于', $ne: '不等于', $gt: '>', $gte: '≥', $lt: '<', $lte: '≤', $in: '属于', $nin: '不属于', $regex: '匹配', $exists: '已填写' },
  expr: { title: '表达式', result: '示例记录上的结果', sample: '示例记录', error: '错误', apply: '应用', cancel: '取消', fields: '字段' },
  issues: { title: '问题', none: '没有问题，可以发布。', where: '位置' },
  json: { title: '定义（JSON）', apply: '应用更改', invalidJson: 'JSON 无效：{{message}}', applied: '已作为一步可撤销的操作应用', reset: '放弃编辑', renamed: '已重命名（发布时迁移数据）', hint: '基于 Schema：补全和波浪线提示来自应用定义 Schema。' },
  versions: {
    title: '版本', publish: '发布', note: '改了什么？', published: '已发布版本 {{n}}', rollback: '回滚', rollbackConfirm: '把版本 {{n}} 的副本发布为新版本？',
    diff: '对比', left: '从', right: '到', draft: '草稿', none: '尚未发布', export: '导出 JSON', import: '导入 JSON', imported: '已作为一步可撤销的操作导入',
    version: '版本', date: '发布时间', by: '发布人', rolledBack: '已回滚到版本 {{n}}',
    renamesTitle: '上次发布后的重命名：已保存的数据将迁移',
    fieldRename: '已保存的值迁移到新字段', entityRename: '记录迁移到新实体',
    moved: '已发布版本 {{n}}；{{count}} 条记录迁移到重命名后的 ID，{{views}} 个已保存视图已更新',
  },
  form: { add: '添加', remove: '移除', moveUp: '上移', moveDown: '下移', translate: '按语言翻译', openExpression: '打开表达式编辑器' },
  common: { cancel: '取消', ok: '确定', delete: '删除', loading: '加载中…', error: '错误', close: '关闭', create: '创建' },
};
