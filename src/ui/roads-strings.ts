/**
 * Interface strings of road reach (the road network on the data card, the road reach on the plan card, the
 * isochrone), in Simplified Chinese and English; merged into `strings.ts`, with the same key rules.
 */
export const roadsStrings = {
  'zh-CN': {
    roadsTitle: '路网',
    roadsHelp: 'OpenStreetMap 路网（.osm.pbf、.osm 或含 highway 属性的 GeoJSON 线），在本机读取，不上传。',
    roadsChoose: '选择路网文件…',
    roadsCancel: '取消读取',
    roadsClear: '不使用路网',
    roadsShown: '在地图上显示路网',
    roadsLegend: '道路（{file}）：主要道路（≥ 60 千米/时）',
    roadsLegendMinor: '其他道路',
    roadsLoading: '路网：{file}（{mb} MB），正在读取…',
    roadsSummary:
      '路网：{file}（{mb} MB）：{ways} 条可通车道路，{nodes} 个节点，{edges} 条边，{components} 个强连通分量（最大占节点 {largest}%）',
    roadsProgress: '正在读取路网（第 {pass} 遍，共 2 遍）：{read} / {total} MB',
    roadsCancelled: '已取消读取路网。',
    roadsBadFile: '{file} 不是路网文件：请选择 .osm.pbf、.osm 或 .geojson 文件。',
    roadsFailed: '无法使用路网 {file}：{message}',
    roadsReach: '站点服务范围（道路，分钟）',
    roadsUse: '按道路计算站点服务范围',
    roadsUsed: '“建议”按 {file} 的道路计算：站点服务范围 {reach}（从村到站点）。',
    roadsNeedData: '按道路规划需要导入的村庄和候选站点，且规划区域为这些村庄所在的县。',
    suggestedWithRoads: '建议基于 {file} 的道路出行时间，{reach}',
    roadsCenterReach: '县级中心配送范围 {reach}（按道路，从中心到站点）',
    roadsIsochrone: '等时圈：{site}，道路 {reach}',
  },
  en: {
    roadsTitle: 'Road network',
    roadsHelp:
      'An OpenStreetMap road network (.osm.pbf, .osm, or GeoJSON lines with a highway property), read on this machine and never uploaded.',
    roadsChoose: 'Choose a road file…',
    roadsCancel: 'Cancel reading',
    roadsClear: 'Back to no roads',
    roadsShown: 'Show the roads on the map',
    roadsLegend: 'Roads of {file}: main roads (60 km/h or more)',
    roadsLegendMinor: 'Other roads',
    roadsLoading: 'Roads: {file} ({mb} MB), reading…',
    roadsSummary:
      'Roads: {file} ({mb} MB): {ways} drivable ways, {nodes} nodes, {edges} edges, {components} strongly connected components (largest {largest}% of nodes)',
    roadsProgress: 'Reading roads (pass {pass} of 2): {read} of {total} MB',
    roadsCancelled: 'Reading the road file was cancelled.',
    roadsBadFile: '{file} is not a road file: choose an .osm.pbf, .osm or .geojson file.',
    roadsFailed: 'Cannot use the road file {file}: {message}',
    roadsReach: 'Station reach by road (min)',
    roadsUse: 'Station reach by road',
    roadsUsed: 'Suggest uses the roads of {file}: station reach {reach} by road (village to site).',
    roadsNeedData:
      'Planning by road needs imported villages and candidate sites, with the area the counties of those villages.',
    suggestedWithRoads: 'Suggested with road travel times from {file}, {reach}',
    roadsCenterReach: 'center reach {reach} by road (center to station)',
    roadsIsochrone: 'Isochrone: {site}, {reach} by road',
  },
} as const;
