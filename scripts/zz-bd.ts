import { benchDashboards } from "/work/main/scripts/bench-dashboards";

const r = await benchDashboards(8795);
console.log(JSON.stringify({ views: r.views, commentViews: r.commentViews, comments: r.comments }, null, 1));
