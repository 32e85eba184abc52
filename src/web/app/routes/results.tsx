// Pages of this feature: those behind sign-in hang under appRoute, public ones under rootRoute.
export const resultRoutes = [];
export const publicResultRoutes = [];
