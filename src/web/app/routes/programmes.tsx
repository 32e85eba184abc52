// Pages of cooperation programmes and of reports, behind sign-in.
export const programmeRoutes = [];
export const reportRoutes = [];
