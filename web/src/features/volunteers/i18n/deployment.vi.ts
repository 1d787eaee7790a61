/** Vietnamese texts of the volunteer feature's deployment pages. */
export const viDeployment = {
  title: '',
};
