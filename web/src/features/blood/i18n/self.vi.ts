/** Vietnamese texts of the blood feature's self pages. */
export const viDonorSelf = {
  title: '',
};
