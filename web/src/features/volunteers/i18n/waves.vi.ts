/** Vietnamese texts of the volunteer feature's waves pages. */
export const viWaves = {
  title: '',
};
