import { describeConfig, loadConfig } from '../../../teams-app/server/config';

describe('the configuration', () => {
  it('names the bot "ISC Coordinator" unless BOT_NAME says otherwise', () => {
    expect(loadConfig({}).botName).toBe('ISC Coordinator');
    expect(loadConfig({ BOT_NAME: ' Coordinateur ISC ' }).botName).toBe('Coordinateur ISC');
    expect(describeConfig(loadConfig({ BOT_NAME: 'Coordinateur ISC' }))).toMatchObject({ botName: 'Coordinateur ISC' });
  });

  it('refuses an empty BOT_NAME with the setting named', () => {
    expect(() => loadConfig({ BOT_NAME: '  ' })).toThrow(/BOT_NAME/);
  });
});
