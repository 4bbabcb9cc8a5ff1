import { describe, it } from 'node:test';
import { assert } from 'chai';
import { parseS3StorageUrl, S3StorageConfigError } from './s3-url.js';

describe('parseS3StorageUrl', () => {
  it('reads every option', () => {
    assert.deepEqual(
      parseS3StorageUrl(
        's3://ACCESS:SECRET@kumo-media?endpoint=http://127.0.0.1:9000&region=eu-west-3' +
          '&prefix=kumo/&forcePathStyle=true&pageSize=500',
      ),
      {
        bucket: 'kumo-media',
        accessKeyId: 'ACCESS',
        secretAccessKey: 'SECRET',
        endpoint: 'http://127.0.0.1:9000',
        region: 'eu-west-3',
        prefix: 'kumo/',
        forcePathStyle: true,
        pageSize: 500,
      },
    );
  });

  it('needs only the bucket, leaving the rest to the defaults', () => {
    assert.deepEqual(parseS3StorageUrl('s3://media.example.com'), { bucket: 'media.example.com' });
  });

  it('percent-decodes the keys, which may hold / + = and @', () => {
    const options = parseS3StorageUrl('s3://AKIA%2B1:wJal%2FrXU%2Btn%3D%40x@bucket');
    assert.equal(options.accessKeyId, 'AKIA+1');
    assert.equal(options.secretAccessKey, 'wJal/rXU+tn=@x');
  });

  it('takes the prefix from the path as well', () => {
    assert.equal(parseS3StorageUrl('s3://bucket/tenants/acme/').prefix, 'tenants/acme/');
    assert.equal(parseS3StorageUrl('s3://bucket/kumo').prefix, 'kumo');
    assert.notProperty(parseS3StorageUrl('s3://bucket/'), 'prefix');
  });

  it('accepts the snake_case spellings and 1/0 for booleans', () => {
    const options = parseS3StorageUrl('s3://bucket?force_path_style=0&page_size=10');
    assert.strictEqual(options.forcePathStyle, false);
    assert.strictEqual(options.pageSize, 10);
    assert.strictEqual(parseS3StorageUrl('s3://bucket?forcePathStyle=1').forcePathStyle, true);
  });

  it('normalizes the endpoint', () => {
    assert.equal(
      parseS3StorageUrl('s3://bucket?endpoint=https://S3.Example.com/').endpoint,
      'https://s3.example.com',
    );
    assert.equal(
      parseS3StorageUrl('s3://bucket?endpoint=http%3A%2F%2Flocalhost%3A9000').endpoint,
      'http://localhost:9000',
    );
  });

  const invalid: [string, string, RegExp][] = [
    ['another scheme', 'http://bucket', /starts with s3:\/\//],
    ['no bucket', 's3://', /not a valid bucket name/],
    ['an upper-case bucket', 's3://MyBucket', /"MyBucket" is not a valid bucket name/],
    ['an underscore in the bucket', 's3://my_bucket', /not a valid bucket name/],
    ['a two-letter bucket', 's3://ab', /not a valid bucket name/],
    ['a bucket ending with a hyphen', 's3://bucket-', /not a valid bucket name/],
    ['consecutive dots', 's3://a..b', /not a valid bucket name/],
    ['a port after the bucket', 's3://bucket:9000', /endpoint/],
    ['a fragment', 's3://bucket#x', /fragment/],
    ['only an access key', 's3://ACCESS@bucket', /both the access key and the secret key/],
    ['only a secret key', 's3://:SECRET@bucket', /both the access key and the secret key/],
    ['a bad escape in the secret', 's3://ACCESS:bad%zz@bucket', /secret key has an invalid %-escape/],
    ['an unknown option', 's3://bucket?acl=public-read', /unknown s3 option "acl"/],
    ['a repeated option', 's3://bucket?region=a&region=b', /"region" is given more than once/],
    ['two prefixes', 's3://bucket/one?prefix=two', /either as a path or as \?prefix=/],
    ['a prefix escaping upwards', 's3://bucket?prefix=../other', /prefix "..\/other"/],
    ['a prefix with an empty part', 's3://bucket?prefix=a//b', /prefix "a\/\/b"/],
    ['a prefix with a space', 's3://bucket?prefix=a%20b', /prefix "a b"/],
    ['a leading slash in the prefix', 's3://bucket?prefix=/kumo', /prefix "\/kumo"/],
    [
      'an endpoint that is no URL',
      's3://bucket?endpoint=localhost:9000',
      /must be an http:\/\/ or https:\/\/ URL/,
    ],
    ['an endpoint without a scheme', 's3://bucket?endpoint=127.0.0.1', /is not a URL/],
    ['an ftp endpoint', 's3://bucket?endpoint=ftp://host', /must be an http:\/\/ or https:\/\//],
    ['credentials in the endpoint', 's3://bucket?endpoint=http://a:b@host', /credentials before the bucket/],
    ['a query in the endpoint', 's3://bucket?endpoint=http://host/%3Fx=1', /must not have a query/],
    ['an empty region', 's3://bucket?region=', /region "" is not a region name/],
    ['a region with a space', 's3://bucket?region=us%20east', /region "us east"/],
    ['a word for forcePathStyle', 's3://bucket?forcePathStyle=yes', /forcePathStyle must be true or false/],
    ['an empty forcePathStyle', 's3://bucket?forcePathStyle=', /forcePathStyle must be true or false/],
    ['a zero page size', 's3://bucket?pageSize=0', /pageSize must be a whole number from 1 to 1000/],
    ['a page size over 1000', 's3://bucket?pageSize=1001', /pageSize must be/],
    ['a fractional page size', 's3://bucket?pageSize=2.5', /pageSize must be/],
  ];
  for (const [what, url, message] of invalid) {
    it(`rejects ${what}`, () => {
      assert.throws(() => parseS3StorageUrl(url), S3StorageConfigError, message);
    });
  }

  it('never repeats the secret key in an error', () => {
    const secret = 'wJalrXUtnFEMI-K7MDENG';
    for (const url of [
      `s3://ACCESS:${secret}@Bad_Bucket`,
      `s3://ACCESS:${secret}@bucket?nope=1`,
      `s3://ACCESS:${secret}/x@bucket`,
      `s3://ACCESS:${secret}@bucket:notaport`,
    ]) {
      try {
        parseS3StorageUrl(url);
        assert.fail(`${url} should have been rejected`);
      } catch (error) {
        assert.instanceOf(error, S3StorageConfigError);
        assert.notInclude((error as Error).message, secret);
      }
    }
  });
});
